package io.keras4j.optimizers;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The variables an optimizer was built for: their slot index, whether weight decay applies to each
 * (Keras's {@code exclude_from_weight_decay}), and the checks on their gradients.
 */
final class Targets {
  private final String owner;
  private Pattern excludedNames;
  private final Set<Variable> excludedVariables =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private Variable[] variables = new Variable[0];
  private List<Variable> list = List.of();
  private final IdentityHashMap<Variable, Integer> indices = new IdentityHashMap<>();
  private boolean[] decays = new boolean[0];

  Targets(String owner) {
    this.owner = owner;
  }

  /** Names are regular expressions searched in each variable's name, joined by "or" as Keras. */
  void excludeNames(String... names) {
    excludedNames = names.length == 0 ? null : Pattern.compile(String.join("|", names));
  }

  void excludeVariables(Variable... vs) {
    excludedVariables.clear();
    excludedVariables.addAll(Arrays.asList(vs));
  }

  /** Records the variables; returns the size of the largest. */
  int set(List<Variable> given) {
    Variable[] vs = given.toArray(new Variable[0]);
    int largest = 0;
    for (Variable v : vs) {
      if (v == null || v.dtype() != DType.FLOAT32) {
        throw new IllegalArgumentException(
            owner
                + ": can only optimize float32 variables. Received: "
                + (v == null ? "null" : v.toString()));
      }
      largest = (int) Math.max(largest, Shapes.size(ShapeRefs.of(v)));
    }
    variables = vs;
    list = Collections.unmodifiableList(Arrays.asList(vs));
    indices.clear();
    decays = new boolean[vs.length];
    for (int i = 0; i < vs.length; i++) {
      indices.put(vs[i], i);
      decays[i] =
          !excludedVariables.contains(vs[i])
              && (excludedNames == null || !excludedNames.matcher(vs[i].name()).find());
    }
    return largest;
  }

  List<Variable> list() {
    return list;
  }

  boolean decays(int index) {
    return decays[index];
  }

  /** The slot index of {@code v}, found without a lookup when it keeps its built position. */
  int indexOf(Variable v, int position) {
    if (position < variables.length && variables[position] == v) {
      return position;
    }
    Integer index = indices.get(v);
    if (index == null) {
      throw new IllegalArgumentException(
          owner
              + ": unknown variable "
              + v
              + ". This optimizer can only be called for the variables it was originally built"
              + " with. When working with a new set of variables, create a new optimizer.");
    }
    return index;
  }

  void checkGradient(Tensor g, Variable v) {
    if (!Arrays.equals(ShapeRefs.of(g), ShapeRefs.of(v))) {
      throw new IllegalArgumentException(
          owner
              + ": the gradient of variable '"
              + v.path()
              + "' must have the variable's shape "
              + Shapes.toString(ShapeRefs.of(v))
              + ". Received: gradient shape="
              + Shapes.toString(ShapeRefs.of(g)));
    }
  }

  /** A gradient as float32 (itself when it already is). */
  static Tensor data(Tensor g) {
    return g.asFloat();
  }
}

package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.constraints.Constraint;
import io.keras4j.initializers.Initializer;
import io.keras4j.internal.NewVariables;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights a layer created itself, in creation order (trainable ones first, as Keras lists
 * them), with the regularizer and constraint of each.
 */
final class LayerWeights {
  private final List<Variable> trainable = new ArrayList<>();
  private final List<Variable> nonTrainable = new ArrayList<>();
  private final Map<Variable, Regularizer> regularizers = new IdentityHashMap<>();
  private final Map<Variable, Constraint> constraints = new IdentityHashMap<>();

  /**
   * A new weight {@code layer/name} of {@code shape}, checked to be fully known. The library's
   * initializers make a new tensor per call: the variable adopts it (no second copy of a large
   * kernel). A user's initializer may return a tensor it keeps: that one is copied.
   */
  Variable create(
      String layer, String name, int[] shape, Initializer initializer, boolean trainable) {
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + layer
                + "' cannot create weight '"
                + name
                + "' with an unknown dimension. Received: shape="
                + Shapes.toString(shape));
      }
    }
    Tensor initial = initializer.apply(shape);
    Variable v =
        Initializer.class.getPackageName().equals(initializer.getClass().getPackageName())
            ? NewVariables.adopt(name, initial, trainable)
            : new Variable(name, initial, trainable);
    v.setPath(layer + "/" + name);
    return v;
  }

  void add(Variable v, Regularizer regularizer, Constraint constraint) {
    (v.trainable() ? trainable : nonTrainable).add(v);
    if (regularizer != null) {
      regularizers.put(v, regularizer);
    }
    if (constraint != null) {
      constraints.put(v, constraint);
    }
  }

  /** Own weights: trainable then non-trainable. */
  List<Variable> own() {
    List<Variable> out = new ArrayList<>(trainable);
    out.addAll(nonTrainable);
    return out;
  }

  /** Freezes or unfreezes the weights that were created trainable (Keras's trainable setter). */
  void setTrainable(boolean value) {
    for (Variable v : trainable) {
      v.setTrainable(value);
    }
  }

  Regularizer regularizer(Variable v) {
    return regularizers.get(v);
  }

  Constraint constraint(Variable v) {
    return constraints.get(v);
  }

  /** The penalties of the regularized weights, built from ops. */
  List<Tensor> penalties() {
    List<Tensor> out = new ArrayList<>();
    for (Variable v : own()) {
      Regularizer r = regularizers.get(v);
      if (r != null) {
        out.add(r.apply(v.value()));
      }
    }
    return out;
  }

  /** Checks every count and shape first, then assigns: a wrong list changes nothing. */
  static void assignAll(String layerName, List<Variable> ws, List<Tensor> values) {
    if (values.size() != ws.size()) {
      throw new IllegalArgumentException(
          "Layer '"
              + layerName
              + "' expects "
              + ws.size()
              + " weights ("
              + ws.stream().map(v -> v.path() + Shapes.toString(ShapeRefs.of(v))).toList()
              + "). Received: "
              + values.size()
              + " weights");
    }
    for (int i = 0; i < ws.size(); i++) {
      if (!Arrays.equals(ShapeRefs.of(ws.get(i)), ShapeRefs.of(values.get(i)))) {
        throw new IllegalArgumentException(
            "Layer '"
                + layerName
                + "' weight "
                + i
                + " ('"
                + ws.get(i).path()
                + "') expects shape "
                + Shapes.toString(ShapeRefs.of(ws.get(i)))
                + ". Received: shape="
                + Shapes.toString(ShapeRefs.of(values.get(i))));
      }
    }
    for (int i = 0; i < ws.size(); i++) {
      ws.get(i).assign(values.get(i));
    }
  }
}

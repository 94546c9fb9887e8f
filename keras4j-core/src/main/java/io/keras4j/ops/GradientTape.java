package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.internal.VariableReads;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation, as TensorFlow's {@code tf.GradientTape}. While a tape is
 * open on a thread, every op whose inputs include a watched tensor (or a tensor computed from one)
 * records how to send gradients back; {@link #gradient} walks those records in reverse order.
 *
 * <p>As in TensorFlow, a trainable {@link Variable} read while the tape is open ({@link
 * Variable#value()}, which every layer calls) is watched without an explicit {@link #watch}; {@code
 * new GradientTape(false)} turns that off. So a training step reads:
 *
 * <pre>{@code
 * try (var tape = new GradientTape()) {
 *   Tensor loss = lossFn.call(y, model.apply(x, true));
 *   List<Tensor> grads = tape.gradient(loss, model.trainableWeights());
 *   optimizer.applyGradients(grads, model.trainableWeights());
 * }
 * }</pre>
 *
 * Tensors that are not variables (an input, say) are watched with {@link #watch(Tensor)}.
 */
public final class GradientTape implements AutoCloseable {
  private static final ThreadLocal<Deque<GradientTape>> ACTIVE =
      ThreadLocal.withInitial(ArrayDeque::new);

  static {
    VariableReads.setListener(GradientTape::variableAccessed);
  }

  private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Record> records = new ArrayList<>();
  private final boolean watchAccessedVariables;
  private boolean closed;

  /**
   * Opens a tape on the current thread that watches the trainable variables read while it is open;
   * close it (try-with-resources) when done.
   */
  public GradientTape() {
    this(true);
  }

  /**
   * Opens a tape; with {@code watchAccessedVariables} false only what {@link #watch} is given is
   * watched (TensorFlow's {@code watch_accessed_variables}).
   */
  public GradientTape(boolean watchAccessedVariables) {
    this.watchAccessedVariables = watchAccessedVariables;
    ACTIVE.get().push(this);
  }

  /** Starts tracking a tensor as a source of gradients. */
  public GradientTape watch(Tensor t) {
    tracked.add(t);
    return this;
  }

  /** Starts tracking the current value of a variable. */
  public GradientTape watch(Variable v) {
    return watch(v.value());
  }

  /** Starts tracking several variables. */
  public GradientTape watch(List<Variable> variables) {
    for (Variable v : variables) {
      watch(v);
    }
    return this;
  }

  /**
   * Gradients of {@code target} (summed over its elements) with respect to each source. A source
   * the target does not depend on gets a zero gradient of its own shape.
   */
  public List<Tensor> gradient(Tensor target, List<Tensor> sources) {
    return gradient(target, sources, null);
  }

  /**
   * Gradients of {@code target} with respect to the values of these variables, in their order:
   * {@code tape.gradient(loss, model.trainableWeights())}. A variable the target does not depend on
   * (or one not read while the tape was open) gets a zero gradient of its shape.
   */
  public List<Tensor> gradient(Tensor target, Collection<Variable> variables) {
    return gradient(target, variables, null);
  }

  /** Gradients with respect to variables, with {@code outputGradient} flowing into the target. */
  public List<Tensor> gradient(
      Tensor target, Collection<Variable> variables, Tensor outputGradient) {
    List<Tensor> values = new ArrayList<>(variables.size());
    for (Variable v : variables) {
      values.add(v.value());
    }
    return gradient(target, values, outputGradient);
  }

  /**
   * Gradients of {@code target} with respect to each source, with {@code outputGradient} as the
   * gradient flowing into the target (ones when null).
   */
  public List<Tensor> gradient(Tensor target, List<Tensor> sources, Tensor outputGradient) {
    Map<Tensor, Tensor> grads = new IdentityHashMap<>();
    grads.put(
        target, outputGradient != null ? outputGradient : Tensor.full(1f, ShapeRefs.of(target)));
    Deque<GradientTape> stack = ACTIVE.get();
    boolean wasActive = stack.remove(this);
    // Backward functions are built from ops: pause recording on every tape while they run.
    Deque<GradientTape> saved = new ArrayDeque<>(stack);
    stack.clear();
    try {
      for (int r = records.size() - 1; r >= 0; r--) {
        Record rec = records.get(r);
        Tensor g = grads.get(rec.output);
        if (g == null) {
          continue;
        }
        boolean[] needs = NEEDS.get();
        for (int i = 0; i < rec.inputs.length && i < needs.length; i++) {
          needs[i] = rec.inputs[i] != null && tracked.contains(rec.inputs[i]);
        }
        Tensor[] inGrads;
        try {
          inGrads = rec.backward.apply(g);
        } finally {
          java.util.Arrays.fill(needs, true);
        }
        for (int i = 0; i < rec.inputs.length; i++) {
          Tensor in = rec.inputs[i];
          Tensor gi = inGrads[i];
          if (gi == null || !tracked.contains(in)) {
            continue;
          }
          if (!java.util.Arrays.equals(ShapeRefs.of(gi), ShapeRefs.of(in))) {
            throw new IllegalStateException(
                "Internal error: gradient of shape "
                    + Shapes.toString(ShapeRefs.of(gi))
                    + " for an input of shape "
                    + Shapes.toString(ShapeRefs.of(in)));
          }
          Tensor prev = grads.get(in);
          grads.put(in, prev == null ? gi : Ops.add(prev, gi));
        }
      }
    } finally {
      stack.addAll(saved);
      if (wasActive && !closed) {
        stack.push(this);
      }
    }
    List<Tensor> out = new ArrayList<>(sources.size());
    for (Tensor s : sources) {
      Tensor g = grads.get(s);
      out.add(g != null ? g : Tensor.zerosLike(s).asFloat());
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
    ACTIVE.get().remove(this);
  }

  /** Per thread: which inputs of the op whose backward is running need a gradient. */
  private static final ThreadLocal<boolean[]> NEEDS =
      ThreadLocal.withInitial(
          () -> {
            boolean[] all = new boolean[8];
            java.util.Arrays.fill(all, true);
            return all;
          });

  /**
   * Inside an op's backward function: whether input {@code i} needs its gradient (an input no tape
   * tracks, such as a batch of data, does not); a backward may skip that input's work and return
   * null for it. True outside a backward.
   */
  static boolean needsGradient(int i) {
    boolean[] needs = NEEDS.get();
    return i >= needs.length || needs[i];
  }

  /** Number of ops recorded so far; for tests. */
  int recordCount() {
    return records.size();
  }

  /** Whether any tape is recording on this thread. */
  static boolean recording() {
    return !ACTIVE.get().isEmpty();
  }

  /**
   * Called (through {@link VariableReads}) by {@link Variable#value()} with the value of a
   * trainable variable: every open tape of this thread that watches accessed variables starts
   * watching it (TensorFlow's {@code variable_accessed}). Nothing happens when no tape is open, or
   * while a gradient is computed.
   */
  static void variableAccessed(Tensor value) {
    Deque<GradientTape> stack = ACTIVE.get();
    if (stack.isEmpty()) {
      return;
    }
    for (GradientTape tape : stack) {
      if (tape.watchAccessedVariables) {
        tape.tracked.add(value);
      }
    }
  }

  /**
   * Records an op on every open tape that tracks one of its inputs. {@code backward} maps the
   * gradient of {@code output} to one gradient per input (null for inputs without one).
   */
  static void record(Tensor output, Tensor[] inputs, Backward backward) {
    Deque<GradientTape> stack = ACTIVE.get();
    if (stack.isEmpty()) {
      return;
    }
    for (GradientTape tape : stack) {
      for (Tensor in : inputs) {
        if (in != null && tape.tracked.contains(in)) {
          tape.records.add(new Record(output, inputs, backward));
          tape.tracked.add(output);
          break;
        }
      }
    }
  }

  /** How an op sends the gradient of its output back to its inputs. */
  @FunctionalInterface
  interface Backward {
    Tensor[] apply(Tensor outputGradient);
  }

  private record Record(Tensor output, Tensor[] inputs, Backward backward) {}
}

package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode automatic differentiation. While a tape is open on a thread, every op whose inputs
 * include a watched tensor (or a tensor computed from one) records how to send gradients back;
 * {@link #gradient} walks those records in reverse order.
 *
 * <pre>{@code
 * try (var tape = new GradientTape()) {
 *   tape.watch(w);
 *   Tensor loss = Ops.sum(Ops.square(Ops.matmul(x, w.value())));
 *   List<Tensor> grads = tape.gradient(loss, List.of(w.value()));
 * }
 * }</pre>
 */
public final class GradientTape implements AutoCloseable {
  private static final ThreadLocal<Deque<GradientTape>> ACTIVE =
      ThreadLocal.withInitial(ArrayDeque::new);

  private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Record> records = new ArrayList<>();
  private boolean closed;

  /** Opens a tape on the current thread; close it (try-with-resources) when done. */
  public GradientTape() {
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
   * Gradients of {@code target} with respect to each source, with {@code outputGradient} as the
   * gradient flowing into the target (ones when null).
   */
  public List<Tensor> gradient(Tensor target, List<Tensor> sources, Tensor outputGradient) {
    Map<Tensor, Tensor> grads = new IdentityHashMap<>();
    grads.put(target, outputGradient != null ? outputGradient : Tensor.full(1f, target.shapeRef()));
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
          if (!java.util.Arrays.equals(gi.shapeRef(), in.shapeRef())) {
            throw new IllegalStateException(
                "Internal error: gradient of shape "
                    + Shapes.toString(gi.shapeRef())
                    + " for an input of shape "
                    + Shapes.toString(in.shapeRef()));
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

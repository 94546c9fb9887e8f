package io.keras4j.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where ops get the arrays of their outputs. Outside a training step this is plain {@code new
 * float[n]}. Inside a step, the trainer activates a {@link Pool} on its thread: arrays handed out
 * during the step go back to the pool when the step ends, and the next step (same shapes, same
 * order) gets the same arrays again, zeroed, so steady-state training allocates almost nothing.
 *
 * <p>Only the trainer activates a pool, around work whose intermediate tensors never leave the step
 * (the batch, activations, gradients; weights live in their variables' own arrays).
 */
public final class Buffers {
  private static final ThreadLocal<Pool> ACTIVE = new ThreadLocal<>();

  private Buffers() {}

  /** A zeroed array of {@code n} floats: from the active pool, or new. */
  public static float[] floats(int n) {
    Pool p = ACTIVE.get();
    return p == null ? new float[n] : p.take(n);
  }

  /**
   * An array of {@code n} floats whose every element the caller overwrites before reading (a GEMM
   * output, a gathered batch, an elementwise map): from the active pool without zeroing, or new.
   */
  public static float[] overwritten(int n) {
    Pool p = ACTIVE.get();
    return p == null ? new float[n] : p.take(n, false);
  }

  /** Arrays recycled from one step to the next; one per training loop. */
  public static final class Pool {
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final List<float[]> lent = new ArrayList<>();

    /** Makes this pool the source of op outputs on this thread until the scope is closed. */
    public Scope activate() {
      if (ACTIVE.get() != null) {
        return () -> {}; // already in a step: the outer scope recycles
      }
      ACTIVE.set(this);
      return () -> {
        ACTIVE.remove();
        for (float[] a : lent) {
          free.computeIfAbsent(a.length, k -> new ArrayDeque<>()).push(a);
        }
        lent.clear();
      };
    }

    float[] take(int n) {
      return take(n, true);
    }

    float[] take(int n, boolean zeroed) {
      ArrayDeque<float[]> q = free.get(n);
      float[] a = q == null ? null : q.poll();
      if (a == null) {
        a = new float[n];
      } else if (zeroed) {
        Arrays.fill(a, 0f);
      }
      lent.add(a);
      return a;
    }
  }

  /** The end of a step: every array lent during it is returned to the pool. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}

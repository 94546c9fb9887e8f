package io.keras4j.backend.pool;

import java.lang.invoke.VarHandle;
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
 * <p>What makes this safe is the step's {@link Lease}: every tensor an op wraps while a pool is
 * active carries it ({@code Tensor.wrap} asks {@link #lease()}), and the lease is released when the
 * step ends, before any of its arrays can be lent again. From then on, every read of such a tensor
 * throws an {@link IllegalStateException} naming the step and the cure ({@code tensor.copy()}
 * inside the step): a tensor kept past its step (a layer's field, a callback's list) can fail, but
 * it never shows another step's numbers.
 *
 * <p>The pool can be turned off with the system property {@code keras4j.bufferPool=false} (read
 * once, when this class loads): every step then allocates new arrays, and no tensor is leased.
 */
public final class Buffers {
  private static final ThreadLocal<Pool> ACTIVE = new ThreadLocal<>();
  private static volatile boolean enabled =
      !"false".equalsIgnoreCase(System.getProperty("keras4j.bufferPool", "true").strip());

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

  /**
   * The lease of the pooled step under way on this thread, or null when no pool is active. A tensor
   * wrapping an array made during the step keeps it and checks it on every read.
   */
  public static Lease lease() {
    Pool p = ACTIVE.get();
    return p == null ? null : p.lease;
  }

  /** Whether trainers pool their steps' arrays ({@code keras4j.bufferPool}, default true). */
  public static boolean enabled() {
    return enabled;
  }

  /** Turns the pool on or off for the steps that begin from now on; for tests. */
  static void setEnabled(boolean on) {
    enabled = on;
  }

  /**
   * The validity of the arrays lent during one pooled step: valid while the step runs, released
   * (for good) when it ends. A new lease is made for every step.
   */
  public static final class Lease {
    private final long step;
    private volatile boolean released;

    Lease(long step) {
      this.step = step;
    }

    /** The number of the step (the trainer's count of fit and evaluate steps, from 1). */
    public long step() {
      return step;
    }

    /** Whether the step has ended, so that its arrays may hold another step's values. */
    public boolean released() {
      return released;
    }

    /** Throws when the step has ended; called before a tensor's values are read. */
    public void check() {
      if (released) {
        throw recycled();
      }
    }

    /**
     * Throws when the step has ended; called after a tensor's values were copied out, so that a
     * copy made on another thread while the step ended is refused rather than returned mixed.
     */
    public void checkAfterRead() {
      if (releasedAfterRead()) {
        throw recycled();
      }
    }

    /** Whether the step had ended by the time values just read were read (see checkAfterRead). */
    public boolean releasedAfterRead() {
      VarHandle.acquireFence(); // the values were read before the flag below
      return released;
    }

    /** The error for a read after the step (also the text of a released tensor's toString). */
    public IllegalStateException recycled() {
      return new IllegalStateException(
          "This tensor's buffer was recycled at the end of step "
              + step
              + " of fit/evaluate/predict (keras4j reuses the arrays of a step's intermediate"
              + " results: layer outputs, losses, gradients). Keep a copy inside the step:"
              + " tensor.copy()");
    }

    void release() {
      released = true;
      VarHandle.fullFence(); // readers see the flag before any reuse of the arrays
    }
  }

  /** Arrays recycled from one step to the next; one per training loop. */
  public static final class Pool {
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final List<float[]> lent = new ArrayList<>();
    private Lease lease; // of the step under way, null between steps
    private long activations;
    private long floats; // taken during the step under way
    private long floatsOfLastStep = -1;

    /** Makes this pool the source of op outputs on this thread until the scope is closed. */
    public Scope activate() {
      return activate(activations + 1);
    }

    /**
     * As {@link #activate()}, naming the step {@code step} in the error of a tensor read after it.
     * Returns a scope that does nothing when the pool is off or a step is already under way on this
     * thread (the outer scope recycles).
     */
    public Scope activate(long step) {
      if (!enabled || ACTIVE.get() != null) {
        return () -> {};
      }
      activations++;
      Lease current = new Lease(step);
      lease = current;
      ACTIVE.set(this);
      floats = 0;
      return () -> {
        ACTIVE.remove();
        lease = null;
        floatsOfLastStep = floats;
        current.release(); // before any array below can be lent again
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
      floats += n;
      return a;
    }

    /** Floats taken during the last step that ended, or -1 before any. */
    public long floatsOfLastStep() {
      return floatsOfLastStep;
    }
  }

  /** The end of a step: every array lent during it is returned to the pool. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}

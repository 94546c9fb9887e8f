package io.keras4j.backend;

import io.keras4j.backend.jvm.KernelsProvider;
import io.keras4j.backend.jvm.Parallel;

/**
 * Entry point to the compute backend. Today there is one, the pure-Java JVM backend; the kernels
 * behind it are chosen once (Vector API when usable, else scalar), lazily, in a holder class.
 */
public final class Backend {
  private Backend() {}

  private static final class Holder {
    static final Kernels KERNELS = KernelsProvider.lookup();
  }

  /** The kernels of this process (Vector API or scalar). */
  public static Kernels kernels() {
    return Holder.KERNELS;
  }

  /** The name of the backend, as Keras's {@code keras.backend.backend()}. */
  public static String name() {
    return "jvm";
  }

  /** Number of threads the kernels use (default: the available processors). */
  public static int threads() {
    return Parallel.threads();
  }

  /** Sets the number of threads the kernels use (>= 1). */
  public static void setThreads(int threads) {
    Parallel.setThreads(threads);
  }
}

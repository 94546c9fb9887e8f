package io.keras4j.backend.jvm;

/** The low-level kernels of this process, looked up once (Vector API or scalar). */
public final class JvmKernelsHolder {
  private JvmKernelsHolder() {}

  private static final class Holder {
    static final Kernels KERNELS = KernelsProvider.lookup();
  }

  /** The kernels chosen for this process. */
  public static Kernels kernels() {
    return Holder.KERNELS;
  }
}

package io.keras4j.backend.jvm;

/**
 * Creates the Vector API kernels. Kept apart so that {@link KernelsProvider} links against the
 * incubating module only once it has checked the module is present.
 */
final class VectorKernelsFactory {
  private VectorKernelsFactory() {}

  static Kernels create() {
    Kernels k = new VectorKernels();
    JitHints.installInBackground();
    return k;
  }
}

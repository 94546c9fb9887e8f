package io.keras4j.backend.jvm;

import io.keras4j.backend.OptimizerKernels;

/** The Java implementation of {@link OptimizerKernels}. */
final class JvmOptimizers implements OptimizerKernels {
  private final Kernels kernels;

  JvmOptimizers(Kernels kernels) {
    this.kernels = kernels;
  }
}

package io.keras4j.backend.jvm;

import io.keras4j.backend.MathKernels;

/** The Java implementation of {@link MathKernels}. */
final class JvmMath implements MathKernels {
  private final Kernels kernels;

  JvmMath(Kernels kernels) {
    this.kernels = kernels;
  }
}

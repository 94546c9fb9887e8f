package io.keras4j.backend.jvm;

import io.keras4j.backend.ArrayKernels;

/** The Java implementation of {@link ArrayKernels}. */
final class JvmArray implements ArrayKernels {
  private final Kernels kernels;

  JvmArray(Kernels kernels) {
    this.kernels = kernels;
  }
}

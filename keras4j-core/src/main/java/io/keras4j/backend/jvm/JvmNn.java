package io.keras4j.backend.jvm;

import io.keras4j.backend.NnKernels;

/** The Java implementation of {@link NnKernels}. */
final class JvmNn implements NnKernels {
  private final Kernels kernels;

  JvmNn(Kernels kernels) {
    this.kernels = kernels;
  }
}

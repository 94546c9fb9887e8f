package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;

/**
 * The loops of the array family that differ between the scalar and the Vector API backend: the GEMM
 * micro-kernel (with its fused epilogue) and the row loop of a fused product's backward. Chosen
 * once per backend with its {@link Kernels}; the Vector API implementation is only loaded when the
 * vector kernels were chosen.
 */
abstract class ArrayLoops {

  /** The loops matching {@code kernels}: scalar for {@link ScalarKernels}, else Vector API. */
  static ArrayLoops forKernels(Kernels kernels) {
    return kernels.getClass() == ScalarKernels.class ? new Scalar() : VectorArrayLoops.create();
  }

  /** A short description, e.g. {@code "scalar"}. */
  abstract String name();

  /** The GEMM micro-kernel, whose {@link GemmKernel#epilogue} finishes fused products. */
  abstract GemmKernel gemm();

  /**
   * {@code dz[off + j] = dy[off + j] * act'(y[off + j])} and, when db is not null, {@code db[j] +=
   * dz[off + j]}, for j in [0, n): one row of a fused product's backward.
   */
  abstract void gradRow(
      FusedActivation act, float[] dy, float[] y, int off, float[] dz, float[] db, int n);

  /** Plain-Java loops. */
  static final class Scalar extends ArrayLoops {
    @Override
    String name() {
      return "scalar";
    }

    @Override
    GemmKernel gemm() {
      return GemmScalarKernel.INSTANCE;
    }

    @Override
    void gradRow(
        FusedActivation act, float[] dy, float[] y, int off, float[] dz, float[] db, int n) {
      ScalarEpilogue.gradRow(act, dy, y, off, dz, db, 0, n);
    }
  }
}

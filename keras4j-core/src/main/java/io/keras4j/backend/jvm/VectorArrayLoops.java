package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;

/** The Vector API loops of the array family; see {@link ArrayLoops}. */
final class VectorArrayLoops extends ArrayLoops {
  private final GemmKernel gemm = GemmVectorKernel.preferred();

  private VectorArrayLoops() {}

  /** Created through this method so that callers link against this class only when they run it. */
  static ArrayLoops create() {
    return new VectorArrayLoops();
  }

  @Override
  String name() {
    return "vector";
  }

  @Override
  GemmKernel gemm() {
    return gemm;
  }

  @Override
  void gradRow(FusedActivation act, float[] dy, float[] y, int off, float[] dz, float[] db, int n) {
    VectorEpilogue.gradRow(act, dy, y, off, dz, db, n);
  }
}

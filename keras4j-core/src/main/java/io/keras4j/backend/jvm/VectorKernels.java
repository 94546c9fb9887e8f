package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Kernels written with the Vector API ({@code jdk.incubator.vector}); scalar tails. */
final class VectorKernels extends ScalarKernels {
  static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final GemmKernel GEMM = GemmVectorKernel.preferred();

  @Override
  public String name() {
    return "vector (" + SPECIES.vectorBitSize() + "-bit, " + SPECIES.length() + " floats)";
  }

  @Override
  public void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate) {
    Gemm.multiply(
        GEMM, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
  }

  @Override
  public void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, a, aOff + i)
          .add(FloatVector.fromArray(SPECIES, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] + b[bOff + i];
    }
  }

  @Override
  public void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, a, aOff + i)
          .sub(FloatVector.fromArray(SPECIES, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] - b[bOff + i];
    }
  }

  @Override
  public void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, a, aOff + i)
          .mul(FloatVector.fromArray(SPECIES, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, a, aOff + i)
          .div(FloatVector.fromArray(SPECIES, b, bOff + i))
          .intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] / b[bOff + i];
    }
  }

  @Override
  public void scale(float[] a, int aOff, float s, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, a, aOff + i).mul(s).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      out[outOff + i] = a[aOff + i] * s;
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
    int i = 0;
    FloatVector va = FloatVector.broadcast(SPECIES, alpha);
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, x, xOff + i)
          .fma(va, FloatVector.fromArray(SPECIES, y, yOff + i))
          .intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public float sum(float[] a, int off, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(SPECIES);
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      acc = acc.add(FloatVector.fromArray(SPECIES, a, off + i));
    }
    float s = VectorMath.sumLanes(acc);
    for (; i < n; i++) {
      s += a[off + i];
    }
    return s;
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
    int i = 0;
    FloatVector acc = FloatVector.zero(SPECIES);
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      acc =
          FloatVector.fromArray(SPECIES, a, aOff + i)
              .fma(FloatVector.fromArray(SPECIES, b, bOff + i), acc);
    }
    float s = VectorMath.sumLanes(acc);
    for (; i < n; i++) {
      s += a[aOff + i] * b[bOff + i];
    }
    return s;
  }

  @Override
  public float max(float[] a, int off, int n) {
    int i = 0;
    float m = Float.NEGATIVE_INFINITY;
    if (n >= SPECIES.length()) {
      FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
      for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
        acc = acc.max(FloatVector.fromArray(SPECIES, a, off + i));
      }
      m = acc.reduceLanes(VectorOperators.MAX);
    }
    for (; i < n; i++) {
      m = Math.max(m, a[off + i]);
    }
    return m;
  }

  @Override
  public void relu(float[] a, int aOff, float[] out, int outOff, int n) {
    int i = 0;
    for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, a, aOff + i).max(0f).intoArray(out, outOff + i);
    }
    for (; i < n; i++) {
      float v = a[aOff + i];
      out[outOff + i] = Math.max(v, 0f); // NaN stays NaN, as in the vector lanes
    }
  }
}

package io.keras4j.backend.jvm;

/**
 * Plain-Java micro-kernel: a 4 x 4 tile of C held in 16 local floats, so each loaded value of A and
 * B is used four times. The fallback when the Vector API is absent, and a second opinion in tests.
 */
final class GemmScalarKernel extends GemmKernel {
  static final GemmScalarKernel INSTANCE = new GemmScalarKernel();

  private GemmScalarKernel() {
    super(4, 4);
  }

  @Override
  String name() {
    return "scalar 4x4";
  }

  @Override
  void tile(
      int kc,
      float[] a,
      int aOff,
      int lda,
      int rows,
      float[] b,
      int bOff,
      float[] c,
      int cOff,
      int ldc,
      boolean load) {
    int a0 = aOff;
    int a1 = aOff + Math.min(1, rows - 1) * lda;
    int a2 = aOff + Math.min(2, rows - 1) * lda;
    int a3 = aOff + Math.min(3, rows - 1) * lda;
    float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
    float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
    float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (int p = 0; p < kc; p++) {
      int bp = bOff + 4 * p;
      float b0 = b[bp];
      float b1 = b[bp + 1];
      float b2 = b[bp + 2];
      float b3 = b[bp + 3];
      float x = a[a0 + p];
      c00 += x * b0;
      c01 += x * b1;
      c02 += x * b2;
      c03 += x * b3;
      x = a[a1 + p];
      c10 += x * b0;
      c11 += x * b1;
      c12 += x * b2;
      c13 += x * b3;
      x = a[a2 + p];
      c20 += x * b0;
      c21 += x * b1;
      c22 += x * b2;
      c23 += x * b3;
      x = a[a3 + p];
      c30 += x * b0;
      c31 += x * b1;
      c32 += x * b2;
      c33 += x * b3;
    }
    store(c, cOff, c00, c01, c02, c03, load);
    store(c, cOff + ldc, c10, c11, c12, c13, load);
    store(c, cOff + 2 * ldc, c20, c21, c22, c23, load);
    store(c, cOff + 3 * ldc, c30, c31, c32, c33, load);
  }

  @Override
  void tileT(
      int kc,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      float[] c,
      int cOff,
      int ldc,
      boolean load) {
    float c00 = 0, c01 = 0, c02 = 0, c03 = 0;
    float c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    float c20 = 0, c21 = 0, c22 = 0, c23 = 0;
    float c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (int p = 0; p < kc; p++) {
      int bp = bOff + 4 * p;
      int ap = aOff + p * lda;
      float b0 = b[bp];
      float b1 = b[bp + 1];
      float b2 = b[bp + 2];
      float b3 = b[bp + 3];
      float x = a[ap];
      c00 += x * b0;
      c01 += x * b1;
      c02 += x * b2;
      c03 += x * b3;
      x = a[ap + 1];
      c10 += x * b0;
      c11 += x * b1;
      c12 += x * b2;
      c13 += x * b3;
      x = a[ap + 2];
      c20 += x * b0;
      c21 += x * b1;
      c22 += x * b2;
      c23 += x * b3;
      x = a[ap + 3];
      c30 += x * b0;
      c31 += x * b1;
      c32 += x * b2;
      c33 += x * b3;
    }
    store(c, cOff, c00, c01, c02, c03, load);
    store(c, cOff + ldc, c10, c11, c12, c13, load);
    store(c, cOff + 2 * ldc, c20, c21, c22, c23, load);
    store(c, cOff + 3 * ldc, c30, c31, c32, c33, load);
  }

  private static void store(
      float[] c, int off, float v0, float v1, float v2, float v3, boolean load) {
    if (load) {
      c[off] += v0;
      c[off + 1] += v1;
      c[off + 2] += v2;
      c[off + 3] += v3;
    } else {
      c[off] = v0;
      c[off + 1] = v1;
      c[off + 2] = v2;
      c[off + 3] = v3;
    }
  }

  @Override
  void small(
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
    // Strides of op(A) and op(B) along their two axes, so one loop covers all transposes.
    int ai = transA ? 1 : lda;
    int ap = transA ? lda : 1;
    int bp = transB ? 1 : ldb;
    int bj = transB ? ldb : 1;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0;
        for (int p = 0; p < k; p++) {
          s += a[aOff + i * ai + p * ap] * b[bOff + p * bp + j * bj];
        }
        int ci = cOff + i * ldc + j;
        c[ci] = accumulate ? c[ci] + s : s;
      }
    }
  }
}

package io.keras4j.backend.jvm;

import jdk.incubator.vector.FloatVector;

/** An 8 x (2 vectors) tile of C in 16 accumulators: the kernel for 32 vector registers. */
final class GemmVector8x2 extends GemmVectorKernel {
  static final GemmVector8x2 INSTANCE = new GemmVector8x2();

  private GemmVector8x2() {
    super(8);
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
    int a4 = aOff + Math.min(4, rows - 1) * lda;
    int a5 = aOff + Math.min(5, rows - 1) * lda;
    int a6 = aOff + Math.min(6, rows - 1) * lda;
    int a7 = aOff + Math.min(7, rows - 1) * lda;
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero;
    FloatVector c01 = zero;
    FloatVector c10 = zero;
    FloatVector c11 = zero;
    FloatVector c20 = zero;
    FloatVector c21 = zero;
    FloatVector c30 = zero;
    FloatVector c31 = zero;
    FloatVector c40 = zero;
    FloatVector c41 = zero;
    FloatVector c50 = zero;
    FloatVector c51 = zero;
    FloatVector c60 = zero;
    FloatVector c61 = zero;
    FloatVector c70 = zero;
    FloatVector c71 = zero;
    for (int p = 0; p < kc; p++) {
      int bp = bOff + p * (2 * L);
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c00 = b0.fma(x, c00);
      c01 = b1.fma(x, c01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      c10 = b0.fma(x, c10);
      c11 = b1.fma(x, c11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      c20 = b0.fma(x, c20);
      c21 = b1.fma(x, c21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      c30 = b0.fma(x, c30);
      c31 = b1.fma(x, c31);
      x = FloatVector.broadcast(S, a[a4 + p]);
      c40 = b0.fma(x, c40);
      c41 = b1.fma(x, c41);
      x = FloatVector.broadcast(S, a[a5 + p]);
      c50 = b0.fma(x, c50);
      c51 = b1.fma(x, c51);
      x = FloatVector.broadcast(S, a[a6 + p]);
      c60 = b0.fma(x, c60);
      c61 = b1.fma(x, c61);
      x = FloatVector.broadcast(S, a[a7 + p]);
      c70 = b0.fma(x, c70);
      c71 = b1.fma(x, c71);
    }
    store(c00, c, cOff, load);
    store(c01, c, cOff + L, load);
    store(c10, c, cOff + ldc, load);
    store(c11, c, cOff + ldc + L, load);
    store(c20, c, cOff + 2 * ldc, load);
    store(c21, c, cOff + 2 * ldc + L, load);
    store(c30, c, cOff + 3 * ldc, load);
    store(c31, c, cOff + 3 * ldc + L, load);
    store(c40, c, cOff + 4 * ldc, load);
    store(c41, c, cOff + 4 * ldc + L, load);
    store(c50, c, cOff + 5 * ldc, load);
    store(c51, c, cOff + 5 * ldc + L, load);
    store(c60, c, cOff + 6 * ldc, load);
    store(c61, c, cOff + 6 * ldc + L, load);
    store(c70, c, cOff + 7 * ldc, load);
    store(c71, c, cOff + 7 * ldc + L, load);
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
    FloatVector zero = FloatVector.zero(S);
    FloatVector c00 = zero;
    FloatVector c01 = zero;
    FloatVector c10 = zero;
    FloatVector c11 = zero;
    FloatVector c20 = zero;
    FloatVector c21 = zero;
    FloatVector c30 = zero;
    FloatVector c31 = zero;
    FloatVector c40 = zero;
    FloatVector c41 = zero;
    FloatVector c50 = zero;
    FloatVector c51 = zero;
    FloatVector c60 = zero;
    FloatVector c61 = zero;
    FloatVector c70 = zero;
    FloatVector c71 = zero;
    for (int p = 0; p < kc; p++) {
      int bp = bOff + p * (2 * L);
      int ap = aOff + p * lda;
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x = FloatVector.broadcast(S, a[ap]);
      c00 = b0.fma(x, c00);
      c01 = b1.fma(x, c01);
      x = FloatVector.broadcast(S, a[ap + 1]);
      c10 = b0.fma(x, c10);
      c11 = b1.fma(x, c11);
      x = FloatVector.broadcast(S, a[ap + 2]);
      c20 = b0.fma(x, c20);
      c21 = b1.fma(x, c21);
      x = FloatVector.broadcast(S, a[ap + 3]);
      c30 = b0.fma(x, c30);
      c31 = b1.fma(x, c31);
      x = FloatVector.broadcast(S, a[ap + 4]);
      c40 = b0.fma(x, c40);
      c41 = b1.fma(x, c41);
      x = FloatVector.broadcast(S, a[ap + 5]);
      c50 = b0.fma(x, c50);
      c51 = b1.fma(x, c51);
      x = FloatVector.broadcast(S, a[ap + 6]);
      c60 = b0.fma(x, c60);
      c61 = b1.fma(x, c61);
      x = FloatVector.broadcast(S, a[ap + 7]);
      c70 = b0.fma(x, c70);
      c71 = b1.fma(x, c71);
    }
    store(c00, c, cOff, load);
    store(c01, c, cOff + L, load);
    store(c10, c, cOff + ldc, load);
    store(c11, c, cOff + ldc + L, load);
    store(c20, c, cOff + 2 * ldc, load);
    store(c21, c, cOff + 2 * ldc + L, load);
    store(c30, c, cOff + 3 * ldc, load);
    store(c31, c, cOff + 3 * ldc + L, load);
    store(c40, c, cOff + 4 * ldc, load);
    store(c41, c, cOff + 4 * ldc + L, load);
    store(c50, c, cOff + 5 * ldc, load);
    store(c51, c, cOff + 5 * ldc + L, load);
    store(c60, c, cOff + 6 * ldc, load);
    store(c61, c, cOff + 6 * ldc + L, load);
    store(c70, c, cOff + 7 * ldc, load);
    store(c71, c, cOff + 7 * ldc + L, load);
  }
}

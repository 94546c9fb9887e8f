package io.keras4j.backend.jvm;

/**
 * A right-hand matrix B ({@code k x n}) packed once into the GEMM micro-kernel's panels, for many
 * products {@code C = A @ B} with small A: the recurrent kernel, multiplied by the state at every
 * step of a sequence. Packing B per step would copy as many floats as a step of a small batch
 * multiplies; here it is copied once per sequence. Products run on the calling thread (callers
 * split the rows of A over threads themselves); all of K is one block, which suits recurrent
 * kernels (K is the number of units).
 */
final class PackedMatrix {
  private final GemmKernel kern;
  private final int k;
  private final int n;
  private final float[] panels;

  /**
   * Packs B, stored row-major {@code k x n} at {@code bOff} with row stride {@code ldb}, or (with
   * {@code transB}) stored as its transpose {@code n x k}.
   */
  PackedMatrix(GemmKernel kern, boolean transB, int k, int n, float[] b, int bOff, int ldb) {
    this.kern = kern;
    this.k = k;
    this.n = n;
    int nr = kern.nr;
    int count = (n + nr - 1) / nr;
    this.panels = new float[count * nr * k];
    for (int p = 0; p < count; p++) {
      int j0 = p * nr;
      kern.packB(transB, k, j0, Math.min(nr, n - j0), b, bOff, ldb, panels, p * nr * k);
    }
  }

  /** Floats a caller's scratch buffer needs for {@link #multiply}. */
  int scratchSize() {
    return kern.mr * kern.nr;
  }

  /**
   * {@code C[rows x n] = A[rows x k] @ B}, A row-major at {@code aOff} with row stride {@code lda},
   * C at {@code cOff} with row stride {@code ldc}; {@code scratch} holds a partial tile.
   */
  void multiply(
      float[] a, int aOff, int lda, int rows, float[] c, int cOff, int ldc, float[] scratch) {
    int mr = kern.mr;
    int nr = kern.nr;
    for (int j0 = 0, p = 0; j0 < n; j0 += nr, p++) {
      int w = Math.min(nr, n - j0);
      int bAt = p * nr * k;
      for (int i0 = 0; i0 < rows; i0 += mr) {
        int h = Math.min(mr, rows - i0);
        int aAt = aOff + i0 * lda;
        int cAt = cOff + i0 * ldc + j0;
        if (h == mr && w == nr) {
          kern.tile(k, a, aAt, lda, h, panels, bAt, c, cAt, ldc, false);
        } else {
          kern.tile(k, a, aAt, lda, h, panels, bAt, scratch, 0, nr, false);
          for (int i = 0; i < h; i++) {
            System.arraycopy(scratch, i * nr, c, cAt + i * ldc, w);
          }
        }
      }
    }
  }
}

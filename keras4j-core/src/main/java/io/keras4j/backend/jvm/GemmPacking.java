package io.keras4j.backend.jvm;

import java.util.Arrays;

/**
 * Copies parts of A and B into the layouts the micro-kernels read (see {@link GemmKernel}): B as
 * panels of nr columns, row after row; A as rows of kc contiguous values.
 */
final class GemmPacking {
  private GemmPacking() {}

  /**
   * Packs columns [j0, j0 + cols) of op(B), all k rows, as panels of nr columns: panel q starts at
   * {@code dst[dOff + q * k * nr]}, its row p at {@code + p * nr}. Columns past cols are zero.
   */
  static void packB(
      boolean transB,
      int k,
      int j0,
      int cols,
      int nr,
      float[] b,
      int bOff,
      int ldb,
      float[] dst,
      int dOff) {
    for (int q = 0; q * nr < cols; q++) {
      int j = j0 + q * nr;
      int w = Math.min(nr, cols - q * nr);
      int d = dOff + q * k * nr;
      if (!transB) {
        for (int p = 0; p < k; p++) {
          System.arraycopy(b, bOff + p * ldb + j, dst, d + p * nr, w);
          if (w < nr) {
            Arrays.fill(dst, d + p * nr + w, d + (p + 1) * nr, 0f);
          }
        }
      } else {
        // Stored B is n x k: column j of op(B) is a contiguous row; read it in order.
        for (int jj = 0; jj < nr; jj++) {
          if (jj < w) {
            int src = bOff + (j + jj) * ldb;
            for (int p = 0; p < k; p++) {
              dst[d + p * nr + jj] = b[src + p];
            }
          } else {
            for (int p = 0; p < k; p++) {
              dst[d + p * nr + jj] = 0f;
            }
          }
        }
      }
    }
  }

  /**
   * As {@link #packB} for all n columns of a row-major B (not transposed), reading B row after row:
   * the reads are contiguous, the writes go to one stream per panel.
   */
  static void packBRows(int k, int n, int nr, float[] b, int bOff, int ldb, float[] dst) {
    int full = n - n % nr;
    for (int p = 0; p < k; p++) {
      int src = bOff + p * ldb;
      for (int j = 0; j < full; j += nr) {
        System.arraycopy(b, src + j, dst, j * k + p * nr, nr);
      }
      if (full < n) {
        int d = full * k + p * nr;
        System.arraycopy(b, src + full, dst, d, n - full);
        Arrays.fill(dst, d + n - full, d + nr, 0f);
      }
    }
  }

  /**
   * Packs rows [i0, i0 + rows) and columns [p0, p0 + kc) of op(A) so that row i starts at {@code
   * dst[i * kc]}.
   */
  static void packA(
      boolean transA, int rows, int kc, int i0, int p0, float[] a, int aOff, int lda, float[] dst) {
    if (!transA) {
      for (int i = 0; i < rows; i++) {
        System.arraycopy(a, aOff + (i0 + i) * lda + p0, dst, i * kc, kc);
      }
      return;
    }
    // Stored A is k x m: read each stored row in order, write down a column of dst.
    for (int p = 0; p < kc; p++) {
      int src = aOff + (p0 + p) * lda + i0;
      for (int i = 0; i < rows; i++) {
        dst[i * kc + p] = a[src + i];
      }
    }
  }
}

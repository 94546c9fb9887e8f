package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;

/**
 * A register-blocked micro-kernel for {@link GemmDriver}, plus the direct loop used for products
 * too small to repay packing and threads.
 *
 * <p>The micro-kernel computes one {@code mr x nr} tile of C from {@code mr} rows of A and one
 * packed panel of B. A rows are read in place: row i starts at {@code aOff + i * lda}, and element
 * p of it at {@code + p}. That layout serves both a row-major A (lda = its row stride) and a packed
 * block of A (lda = kc), so one kernel covers both. The B panel holds kc rows of nr floats,
 * contiguous. Rows at or past {@code rows} re-read row {@code rows - 1}, so a partial tile needs no
 * padding of A; the caller then discards those rows.
 *
 * <p>{@link #tileT} reads a transposed A in place instead (element (i, p) at {@code aOff + p * lda
 * + i}): the mr values of a k step are then adjacent, which the JIT checks against the array bounds
 * once, and a weight gradient A^T dC needs no transposing copy of A.
 */
abstract class GemmKernel {
  /** Rows of C per tile. */
  final int mr;

  /** Columns of C per tile (the width of a packed B panel). */
  final int nr;

  GemmKernel(int mr, int nr) {
    this.mr = mr;
    this.nr = nr;
  }

  /** A short description for logs and benchmarks, e.g. {@code "vector 8x32"}. */
  abstract String name();

  /**
   * {@code C[0..mr, 0..nr) = (load ? C : 0) + A[0..mr, 0..kc) * Bpanel}, C at {@code cOff} with row
   * stride ldc.
   */
  abstract void tile(
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
      boolean load);

  /**
   * As {@link #tile} for all mr rows of A stored transposed: element (i, p) at aOff + p*lda + i.
   */
  abstract void tileT(
      int kc,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      float[] c,
      int cOff,
      int ldc,
      boolean load);

  /** Packs B for this kernel's panels; see {@link GemmPacking#packB}. */
  void packB(
      boolean transB,
      int k,
      int j0,
      int cols,
      float[] b,
      int bOff,
      int ldb,
      float[] dst,
      int dOff) {
    GemmPacking.packB(transB, k, j0, cols, nr, b, bOff, ldb, dst, dOff);
  }

  /** The whole product without packing or threads; same contract as {@code Kernels.gemm}. */
  abstract void small(
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
      boolean accumulate);

  /**
   * The epilogue of a fused product: {@code C = act(C + bias)} on a rows x cols block of C at
   * {@code off} (row stride ldc) whose first column is column {@code col0} of the product; bias may
   * be null. Runs on a tile just computed, while it is in cache.
   */
  void epilogue(
      float[] c,
      int off,
      int ldc,
      int rows,
      int cols,
      float[] bias,
      int col0,
      FusedActivation act) {
    for (int i = 0; i < rows; i++) {
      ScalarEpilogue.row(c, off + i * ldc, cols, bias, col0, act);
    }
  }
}

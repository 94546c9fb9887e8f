package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;

/**
 * Entry point of the matrix multiply behind {@code Kernels.gemm}: checks the arguments, handles
 * empty products, and sends small products to a direct loop (packing and threads cost more than
 * they save there) and the rest to the blocked {@link GemmDriver}.
 */
final class Gemm {
  /** Below this many multiply-adds (m * n * k), the direct loop is faster than packing. */
  static final long SMALL = 32 * 1024;

  /** Below this many multiply-adds, waking a second thread costs more than it saves. */
  static final long SERIAL = 256 * 1024;

  private Gemm() {}

  static void multiply(
      GemmKernel kern,
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
    multiply(
        kern,
        transA,
        transB,
        m,
        n,
        k,
        a,
        aOff,
        lda,
        b,
        bOff,
        ldb,
        c,
        cOff,
        ldc,
        accumulate,
        null,
        null);
  }

  /**
   * As above, then {@code C = act(C + bias)} (bias of n floats, or null) applied to each tile of C
   * as soon as its last piece of K is done; {@code act} null means no epilogue.
   */
  static void multiply(
      GemmKernel kern,
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
      boolean accumulate,
      float[] bias,
      FusedActivation act) {
    checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
    checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    checkMatrix("C", c, cOff, ldc, m, n);
    if (m == 0 || n == 0) {
      return;
    }
    long work = (long) m * n * k;
    if (k == 0 || work < SMALL) {
      if (k == 0) {
        if (!accumulate) {
          for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
          }
        }
      } else {
        kern.small(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
      }
      if (act != null) {
        kern.epilogue(c, cOff, ldc, m, n, bias, 0, act);
      }
      return;
    }
    int threads = work < SERIAL ? 1 : Parallel.threads();
    new GemmDriver(
            kern,
            transA,
            transB,
            m,
            n,
            k,
            a,
            aOff,
            lda,
            b,
            bOff,
            ldb,
            c,
            cOff,
            ldc,
            accumulate,
            threads,
            bias,
            act)
        .run();
  }

  /** Checks that a rows x cols matrix stored at off with row stride ld lies inside the array. */
  private static void checkMatrix(String name, float[] x, int off, int ld, int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException(
          "gemm: " + name + " has a negative dimension: " + rows + " x " + cols);
    }
    if (off < 0 || (rows > 1 && ld < cols)) {
      throw new IllegalArgumentException(
          "gemm: "
              + name
              + " needs offset >= 0 and leading dimension >= "
              + cols
              + ". Received: offset="
              + off
              + ", ld="
              + ld);
    }
    long end = rows == 0 || cols == 0 ? off : off + (long) (rows - 1) * ld + cols;
    if (end > x.length) {
      throw new IllegalArgumentException(
          "gemm: "
              + name
              + " ("
              + rows
              + " x "
              + cols
              + ", offset "
              + off
              + ", ld "
              + ld
              + ") needs "
              + end
              + " floats but its array has "
              + x.length);
    }
  }
}

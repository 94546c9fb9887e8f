package io.keras4j.backend.jvm;

/**
 * Matrix multiply drivers. This first version is a straightforward reference; the blocked, packed,
 * multi-threaded kernels replace {@link #vector} (see docs/architecture.md).
 */
final class Gemm {
  private Gemm() {}

  static void scalar(
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
    for (int i = 0; i < m; i++) {
      int crow = cOff + i * ldc;
      if (!accumulate) {
        java.util.Arrays.fill(c, crow, crow + n, 0f);
      }
      for (int p = 0; p < k; p++) {
        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        if (av == 0f) {
          continue;
        }
        if (!transB) {
          int brow = bOff + p * ldb;
          for (int j = 0; j < n; j++) {
            c[crow + j] += av * b[brow + j];
          }
        } else {
          for (int j = 0; j < n; j++) {
            c[crow + j] += av * b[bOff + j * ldb + p];
          }
        }
      }
    }
  }
}

package io.keras4j.initializers;

/**
 * The thin QR decomposition of a tall matrix by Householder reflections, in double precision, for
 * {@link Orthogonal}. Only Q and the signs of R's diagonal are needed there.
 */
final class Qr {
  private Qr() {}

  /**
   * Q (m x n, orthonormal columns) of {@code a = Q R} for a row-major m x n matrix with m >= n,
   * with each column's sign flipped so that R's diagonal is positive: the unique such Q, as Keras
   * gets from {@code q * sign(diag(r))}.
   */
  static double[] orthonormalColumns(double[] a, int m, int n) {
    double[] r = a.clone();
    double[][] v = new double[n][];
    double[] diag = new double[n];
    for (int k = 0; k < n; k++) {
      double norm = 0;
      for (int i = k; i < m; i++) {
        norm += r[i * n + k] * r[i * n + k];
      }
      norm = Math.sqrt(norm);
      // Reflect x onto -sign(x0) |x| e0: adding (not subtracting) avoids cancellation.
      double alpha = r[k * n + k] > 0 ? -norm : norm;
      double[] vk = new double[m - k];
      for (int i = k; i < m; i++) {
        vk[i - k] = r[i * n + k];
      }
      vk[0] -= alpha;
      double vnorm = 0;
      for (double x : vk) {
        vnorm += x * x;
      }
      vnorm = Math.sqrt(vnorm);
      if (vnorm > 0) {
        for (int i = 0; i < vk.length; i++) {
          vk[i] /= vnorm;
        }
        reflect(r, m, n, k, k, vk);
      }
      v[k] = vk;
      diag[k] = r[k * n + k];
    }
    // Q = H_0 ... H_{n-1} applied to the first n columns of the identity.
    double[] q = new double[m * n];
    for (int j = 0; j < n; j++) {
      q[j * n + j] = 1;
    }
    for (int k = n - 1; k >= 0; k--) {
      reflect(q, m, n, k, 0, v[k]);
    }
    for (int j = 0; j < n; j++) {
      if (diag[j] < 0) {
        for (int i = 0; i < m; i++) {
          q[i * n + j] = -q[i * n + j];
        }
      }
    }
    return q;
  }

  /** Applies I - 2 v v^T to rows k.. of columns from.. of a row-major m x n matrix. */
  private static void reflect(double[] a, int m, int n, int k, int from, double[] v) {
    for (int j = from; j < n; j++) {
      double dot = 0;
      for (int i = k; i < m; i++) {
        dot += v[i - k] * a[i * n + j];
      }
      if (dot == 0) {
        continue;
      }
      dot *= 2;
      for (int i = k; i < m; i++) {
        a[i * n + j] -= dot * v[i - k];
      }
    }
  }
}

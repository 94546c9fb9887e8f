package io.keras4j.backend.jvm;

/**
 * The per-row loops of {@link JvmNorm} (channels last: one row is the C channels of one position),
 * scalar; {@link VectorNormLoops} overrides them with Vector API loops.
 */
class ScalarNormLoops {
  /** {@code s[j] += a[base + j]}. */
  void addRow(float[] s, float[] a, int base, int c) {
    for (int j = 0; j < c; j++) {
      s[j] += a[base + j];
    }
  }

  /** {@code s[j] += (a[base + j] - center[j])^2}. */
  void addSquaredRow(float[] s, float[] a, int base, float[] center, int c) {
    for (int j = 0; j < c; j++) {
      float d = a[base + j] - center[j];
      s[j] += d * d;
    }
  }

  /** {@code s1[j] += dy[base + j]}, {@code s2[j] += dy[base + j] * (x[base + j] - center[j])}. */
  void addGradientRow(
      float[] s1, float[] s2, float[] dy, float[] x, int base, float[] center, int c) {
    for (int j = 0; j < c; j++) {
      float g = dy[base + j];
      s1[j] += g;
      s2[j] += g * (x[base + j] - center[j]);
    }
  }

  /** {@code y[base + j] = (x[base + j] - mean[j]) * scale[j] + offset[j]}. */
  void normalizeRow(
      float[] x, float[] mean, float[] scale, float[] offset, float[] y, int base, int c) {
    for (int j = 0; j < c; j++) {
      y[base + j] = (x[base + j] - mean[j]) * scale[j] + offset[j];
    }
  }

  /** {@code dx[base + j] = k[j] * dy[base + j] + p[j] * (x[base + j] - mean[j]) + q[j]}. */
  void backwardRow(
      float[] dy,
      float[] x,
      float[] mean,
      float[] k,
      float[] p,
      float[] q,
      float[] dx,
      int base,
      int c) {
    for (int j = 0; j < c; j++) {
      dx[base + j] = k[j] * dy[base + j] + p[j] * (x[base + j] - mean[j]) + q[j];
    }
  }
}

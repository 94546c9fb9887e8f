package io.keras4j.backend.jvm;

import io.keras4j.backend.jvm.Reductions.Lines;

/**
 * Softmax and log-softmax along an axis, and their gradients. Along the last axis each row is a few
 * vectorized row loops (max, exp-and-sum, scale); along another axis the lines are strided and run
 * in plain Java.
 */
final class Softmax {
  private final RowLoops rows;
  private final BinaryLoops binary;

  Softmax(RowLoops rows, BinaryLoops binary) {
    this.rows = rows;
    this.binary = binary;
  }

  void softmax(float[] a, Lines l, float[] y) {
    int n = l.n();
    if (l.inner() == 1) {
      for (int r = 0, off = 0; r < l.outer(); r++, off += n) {
        float m = rows.max(a, off, n);
        float s = rows.expStore(a, off, m, y, off, n);
        binary.mulScalar(y, off, 1f / s, y, off, n);
      }
      return;
    }
    int inner = l.inner();
    for (int o = 0; o < l.outer(); o++) {
      for (int i = 0; i < inner; i++) {
        int b = o * n * inner + i;
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          m = Math.max(m, a[b + j * inner]);
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
          float e = (float) Math.exp(a[b + j * inner] - m);
          y[b + j * inner] = e;
          s += e;
        }
        float inv = (float) (1.0 / s);
        for (int j = 0; j < n; j++) {
          y[b + j * inner] *= inv;
        }
      }
    }
  }

  /** dx = y * (g - sum(g * y)) along the axis. */
  void softmaxBackward(float[] y, float[] g, Lines l, float[] gx) {
    int n = l.n();
    if (l.inner() == 1) {
      for (int r = 0, off = 0; r < l.outer(); r++, off += n) {
        float dot = rows.dot(g, off, y, off, n);
        rows.softmaxGrad(y, off, g, off, dot, gx, off, n);
      }
      return;
    }
    int inner = l.inner();
    for (int o = 0; o < l.outer(); o++) {
      for (int i = 0; i < inner; i++) {
        int b = o * n * inner + i;
        double dot = 0;
        for (int j = 0; j < n; j++) {
          dot += g[b + j * inner] * y[b + j * inner];
        }
        for (int j = 0; j < n; j++) {
          int p = b + j * inner;
          gx[p] = (float) (y[p] * (g[p] - dot));
        }
      }
    }
  }

  /** (x - max) - log(sum(exp(x - max))) along the axis. */
  void logSoftmax(float[] a, Lines l, float[] y) {
    int n = l.n();
    if (l.inner() == 1) {
      for (int r = 0, off = 0; r < l.outer(); r++, off += n) {
        float m = rows.max(a, off, n);
        float logS = (float) Math.log(rows.expSum(a, off, m, n));
        // (x - m) - log(s), not x - (m + log(s)): the latter loses digits when |m| is large.
        binary.subScalar(a, off, m, y, off, n);
        binary.subScalar(y, off, logS, y, off, n);
      }
      return;
    }
    int inner = l.inner();
    for (int o = 0; o < l.outer(); o++) {
      for (int i = 0; i < inner; i++) {
        int b = o * n * inner + i;
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          m = Math.max(m, a[b + j * inner]);
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += Math.exp(a[b + j * inner] - m);
        }
        double logS = Math.log(s);
        for (int j = 0; j < n; j++) {
          y[b + j * inner] = (float) ((a[b + j * inner] - m) - logS);
        }
      }
    }
  }

  /** dx = g - exp(y) * sum(g) along the axis. */
  void logSoftmaxBackward(float[] y, float[] g, Lines l, float[] gx) {
    int n = l.n();
    if (l.inner() == 1) {
      for (int r = 0, off = 0; r < l.outer(); r++, off += n) {
        float sg = rows.sum(g, off, n);
        rows.logSoftmaxGrad(y, off, g, off, sg, gx, off, n);
      }
      return;
    }
    int inner = l.inner();
    for (int o = 0; o < l.outer(); o++) {
      for (int i = 0; i < inner; i++) {
        int b = o * n * inner + i;
        double sg = 0;
        for (int j = 0; j < n; j++) {
          sg += g[b + j * inner];
        }
        for (int j = 0; j < n; j++) {
          int p = b + j * inner;
          gx[p] = (float) (g[p] - Math.exp(y[p]) * sg);
        }
      }
    }
  }
}

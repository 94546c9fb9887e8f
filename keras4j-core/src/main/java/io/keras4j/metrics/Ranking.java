package io.keras4j.metrics;

/** Argmax and top-k over the rows of a row-major array (the last axis). */
final class Ranking {
  private Ranking() {}

  /** The index of the largest of {@code x[off .. off+n)}, the first on ties (numpy's argmax). */
  static int argmax(float[] x, int off, int n) {
    int best = 0;
    float v = n == 0 ? 0 : x[off];
    for (int j = 1; j < n; j++) {
      float c = x[off + j];
      if (c > v || (Float.isNaN(c) && !Float.isNaN(v))) {
        v = c;
        best = j;
        if (Float.isNaN(c)) {
          break; // numpy's argmax returns the first NaN
        }
      }
    }
    return best;
  }

  /**
   * Whether column {@code target} of the row is among its {@code k} largest, ties counted in:
   * {@code 1 + #(values > row[target]) <= k}, as Keras's {@code in_top_k}. A NaN at the target
   * counts as {@code -inf}; a target outside {@code [0, n)} is never in the top k.
   */
  static boolean inTopK(float[] x, int off, int n, int target, int k) {
    if (target < 0 || target >= n) {
      return false;
    }
    float v = x[off + target];
    if (Float.isNaN(v)) {
      v = Float.NEGATIVE_INFINITY;
    }
    int greater = 0;
    for (int j = 0; j < n; j++) {
      if (x[off + j] > v) {
        greater++;
      }
    }
    return greater < k;
  }

  /**
   * Keras's {@code _filter_top_k}: keeps the {@code k} largest of each row of {@code cols} values
   * (the earlier index first on ties, as {@code top_k}) and sets the others to {@code -1e10}.
   * Writes into {@code out}, which may be {@code x}.
   */
  static void filterTopK(float[] x, float[] out, int cols, int k, boolean[] keep) {
    for (int off = 0; off < x.length; off += cols) {
      if (k >= cols) {
        System.arraycopy(x, off, out, off, cols);
        continue;
      }
      java.util.Arrays.fill(keep, 0, cols, false);
      for (int r = 0; r < k; r++) {
        int best = -1;
        for (int j = 0; j < cols; j++) {
          if (!keep[j] && (best < 0 || x[off + j] > x[off + best])) {
            best = j;
          }
        }
        keep[best] = true;
      }
      for (int j = 0; j < cols; j++) {
        out[off + j] = keep[j] ? x[off + j] : NEG_INF;
      }
    }
  }

  /** Keras's {@code NEG_INF} of metrics_utils, in float32. */
  static final float NEG_INF = -1e10f;
}

package io.keras4j.initializers;

import io.keras4j.Tensor;

/** Sample statistics in double precision. */
record Stats(double mean, double std, double min, double max) {
  static Stats of(Tensor t) {
    float[] v = t.toFloatArray();
    double s = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float x : v) {
      s += x;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double mean = s / v.length;
    double ss = 0;
    for (float x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new Stats(mean, Math.sqrt(ss / v.length), lo, hi);
  }
}

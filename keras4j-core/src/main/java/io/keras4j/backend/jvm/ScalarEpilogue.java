package io.keras4j.backend.jvm;

import io.keras4j.backend.FusedActivation;

/**
 * The scalar loops of a fused product's epilogue ({@code act(c + bias)}) and of its backward
 * ({@code dy * act'(y)}), one loop per activation. Sigmoid and tanh are computed in double, as the
 * unfused ops compute them.
 */
final class ScalarEpilogue {
  private ScalarEpilogue() {}

  /** {@code c[off + j] = act(c[off + j] + bias[col0 + j])} for j in [0, n); bias may be null. */
  static void row(float[] c, int off, int n, float[] bias, int col0, FusedActivation act) {
    switch (act) {
      case LINEAR -> {
        if (bias != null) {
          for (int j = 0; j < n; j++) {
            c[off + j] += bias[col0 + j];
          }
        }
      }
      case RELU -> {
        for (int j = 0; j < n; j++) {
          float v = bias == null ? c[off + j] : c[off + j] + bias[col0 + j];
          c[off + j] = Math.max(v, 0f);
        }
      }
      case SIGMOID -> {
        for (int j = 0; j < n; j++) {
          float v = bias == null ? c[off + j] : c[off + j] + bias[col0 + j];
          c[off + j] = sigmoid(v);
        }
      }
      case TANH -> {
        for (int j = 0; j < n; j++) {
          float v = bias == null ? c[off + j] : c[off + j] + bias[col0 + j];
          c[off + j] = (float) Math.tanh(v);
        }
      }
    }
  }

  /** Stable for large |v|: never exponentiates a positive number. */
  static float sigmoid(float v) {
    if (v >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
    double e = Math.exp(v);
    return (float) (e / (1.0 + e));
  }

  /**
   * One row of the backward: {@code dz[off + j] = dy[off + j] * act'(y[off + j])} and, when db is
   * not null, {@code db[dbOff + j] += dz[off + j]}, for j in [0, n).
   */
  static void gradRow(
      FusedActivation act,
      float[] dy,
      float[] y,
      int off,
      float[] dz,
      float[] db,
      int dbOff,
      int n) {
    switch (act) {
      case LINEAR -> {
        for (int j = 0; j < n; j++) {
          float d = dy[off + j];
          dz[off + j] = d;
          if (db != null) {
            db[dbOff + j] += d;
          }
        }
      }
      case RELU -> {
        for (int j = 0; j < n; j++) {
          float d = y[off + j] > 0 ? dy[off + j] : 0f;
          dz[off + j] = d;
          if (db != null) {
            db[dbOff + j] += d;
          }
        }
      }
      case SIGMOID -> {
        for (int j = 0; j < n; j++) {
          float s = y[off + j];
          float d = dy[off + j] * (s * (1f - s));
          dz[off + j] = d;
          if (db != null) {
            db[dbOff + j] += d;
          }
        }
      }
      case TANH -> {
        for (int j = 0; j < n; j++) {
          float t = y[off + j];
          float d = dy[off + j] * (1f - t * t);
          dz[off + j] = d;
          if (db != null) {
            db[dbOff + j] += d;
          }
        }
      }
    }
  }
}

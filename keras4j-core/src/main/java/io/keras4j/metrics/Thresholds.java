package io.keras4j.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keras's threshold rules for the confusion-matrix metrics (metrics_utils). */
final class Thresholds {
  /** Keras's {@code backend.epsilon()}. */
  static final double EPSILON = 1e-7;

  private Thresholds() {}

  /** Checks that every threshold is in [0, 1], as Keras's {@code assert_thresholds_range}. */
  static double[] checkRange(String owner, double[] thresholds) {
    if (thresholds == null || thresholds.length == 0) {
      throw new IllegalArgumentException(
          owner
              + ": thresholds must hold at least one value in [0, 1]. Received: thresholds="
              + Arrays.toString(thresholds));
    }
    List<Double> bad = new ArrayList<>();
    for (double t : thresholds) {
      if (!(t >= 0 && t <= 1)) {
        bad.add(t);
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(
          owner
              + ": threshold values must be in [0, 1]. Received: "
              + bad
              + " in thresholds="
              + Arrays.toString(thresholds));
    }
    return thresholds.clone();
  }

  /**
   * Keras's {@code is_evenly_distributed_thresholds}: at least 3 values, each within numpy's
   * allclose (atol 1e-7, rtol 1e-5) of {@code i / (n - 1)} computed in float32. Such thresholds
   * take Keras's bucketed update, which differs from plain comparison only at bucket edges.
   */
  static boolean evenlyDistributed(double[] t) {
    int n = t.length;
    if (n < 3) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      double even = (float) i / (float) (n - 1);
      if (!(Math.abs(t[i] - even) <= EPSILON + 1e-5 * Math.abs(even))) {
        return false;
      }
    }
    return true;
  }

  static List<Object> toList(double[] values) {
    List<Object> l = new ArrayList<>(values.length);
    for (double v : values) {
      l.add(v);
    }
    return l;
  }
}

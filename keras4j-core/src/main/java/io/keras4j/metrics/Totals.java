package io.keras4j.metrics;

import io.keras4j.Variable;

/**
 * The running {@code total} and {@code count} of {@link Mean}, {@link Sum} and {@link
 * MeanMetricWrapper} (two scalar state variables of the metric), updated as Keras's {@code
 * reduce_to_samplewise_values} shapes values and sample weights: the weights are matched to the
 * values' rank, the values reduced to the weights' rank, the weights broadcast, and both reduced to
 * one value per sample (by mean for Mean, by sum for Sum).
 */
final class Totals {
  private final float[] total;
  private final float[] count;

  /** Accumulates into the arrays of these scalar variables ({@code count} null: no count). */
  Totals(Variable total, Variable count) {
    this.total = total.value().floats();
    this.count = count == null ? null : count.value().floats();
  }

  double total() {
    return total[0];
  }

  double count() {
    return count[0];
  }

  /** total / count, 0 before any weight (Keras's divide_no_nan). */
  double mean() {
    return count[0] == 0 ? 0 : (double) total[0] / count[0];
  }

  private void accumulate(double batchTotal, double batchCount) {
    total[0] = (float) (total[0] + batchTotal);
    if (count != null) {
      count[0] = (float) (count[0] + batchCount);
    }
  }

  /**
   * Adds one batch of values.
   *
   * @param v the values, row-major, of shape {@code vs}
   * @param w the sample weights of shape {@code ws}, or null
   * @param mean reduce within a sample by mean (Mean) rather than by sum (Sum)
   * @param owner the metric's class name, for errors
   */
  void add(float[] v, int[] vs, float[] w, int[] ws, boolean mean, String owner) {
    if (w == null) {
      double s = 0;
      for (float x : v) {
        s += x;
      }
      int inner = MetricShapes.sizeFrom(vs, 1);
      accumulate(mean && vs.length > 1 && inner > 0 ? s / inner : s, vs.length == 0 ? 1 : vs[0]);
      return;
    }
    int[][] same = MetricShapes.squeezeOrExpand(vs, ws, true);
    vs = same[0];
    ws = same[1];
    int rank = ws.length;
    if (vs.length > rank) {
      // Reduce the values over their trailing axes to the weights' rank.
      int inner = MetricShapes.sizeFrom(vs, rank);
      int outer = inner == 0 ? 0 : v.length / inner;
      float[] r = new float[outer];
      for (int o = 0; o < outer; o++) {
        double s = 0;
        for (int i = o * inner, end = i + inner; i < end; i++) {
          s += v[i];
        }
        r[o] = (float) (mean ? s / inner : s);
      }
      v = r;
      vs = java.util.Arrays.copyOf(vs, rank);
    }
    float[] wb = MetricShapes.broadcast(w, ws, vs, owner, "sample_weight");
    double sumVw = 0;
    double sumW = 0;
    for (int i = 0; i < v.length; i++) {
      sumVw += (double) v[i] * wb[i];
      sumW += wb[i];
    }
    int inner = MetricShapes.sizeFrom(vs, 1);
    boolean perSample = mean && vs.length > 1 && inner > 0;
    accumulate(perSample ? sumVw / inner : sumVw, perSample ? sumW / inner : sumW);
  }
}

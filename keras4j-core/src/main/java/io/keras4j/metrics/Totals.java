package io.keras4j.metrics;

/**
 * The running {@code total} and {@code count} of {@link Mean} and {@link Sum}, updated as Keras's
 * {@code reduce_to_samplewise_values} shapes values and sample weights: the weights are matched to
 * the values' rank, the values reduced to the weights' rank, the weights broadcast, and both
 * reduced to one value per sample (by mean for Mean, by sum for Sum).
 */
final class Totals {
  double total;
  double count;

  void reset() {
    total = 0;
    count = 0;
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
      total += mean && vs.length > 1 && inner > 0 ? s / inner : s;
      count += vs.length == 0 ? 1 : vs[0];
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
    total += perSample ? sumVw / inner : sumVw;
    count += perSample ? sumW / inner : sumW;
  }
}

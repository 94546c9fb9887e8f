package io.keras4j.metrics;

import io.keras4j.Tensor;

/**
 * A mean of an elementwise function of targets and predictions, matched by Keras's {@code
 * squeeze_or_expand_to_same_rank} and broadcast; optionally averaged over the last axis first (the
 * {@code mean(..., axis=-1)} of Keras's error functions).
 */
abstract class PairwiseMetric extends MeanMetricWrapper {
  private final boolean meanOverLastAxis;
  private float[] scratch = new float[0];

  PairwiseMetric(String name, boolean meanOverLastAxis) {
    super(name);
    this.meanOverLastAxis = meanOverLastAxis;
  }

  /** {@code out[i] = f(yTrue[i], yPred[i])} for {@code i < n}. */
  abstract void terms(float[] yTrue, float[] yPred, float[] out, int n);

  @Override
  final void compute(Tensor yTrue, Tensor yPred, Values out) {
    int[][] s = MetricShapes.squeezeOrExpand(yTrue.shapeRef(), yPred.shapeRef(), true);
    int[] shape = MetricShapes.broadcastShape(s[0], s[1], className());
    float[] t =
        MetricShapes.broadcast(MetricShapes.floats(yTrue), s[0], shape, className(), "y_true");
    float[] p =
        MetricShapes.broadcast(MetricShapes.floats(yPred), s[1], shape, className(), "y_pred");
    int n = t.length;
    if (!meanOverLastAxis) {
      terms(t, p, out.alloc(shape), n);
      return;
    }
    if (scratch.length != n) {
      scratch = new float[n];
    }
    terms(t, p, scratch, n);
    int cols = MetricShapes.last(shape);
    float[] o = out.alloc(MetricShapes.dropLast(shape));
    for (int r = 0; r < o.length; r++) {
      double sum = 0;
      for (int i = r * cols, end = i + cols; i < end; i++) {
        sum += scratch[i];
      }
      o[r] = (float) (sum / cols);
    }
  }
}

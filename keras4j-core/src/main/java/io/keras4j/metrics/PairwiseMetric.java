package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * A mean of an elementwise function of targets and predictions, matched by Keras's {@code
 * squeeze_or_expand_to_same_rank} and broadcast; optionally averaged over the last axis first (the
 * {@code mean(..., axis=-1)} of Keras's error functions).
 */
abstract class PairwiseMetric extends MeanMetricWrapper {
  private final boolean meanOverLastAxis;

  PairwiseMetric(String name, boolean meanOverLastAxis) {
    super(name);
    this.meanOverLastAxis = meanOverLastAxis;
  }

  /** {@code f(yTrue, yPred)} elementwise with ops, float32 inputs of broadcastable shapes. */
  abstract Tensor terms(Tensor yTrue, Tensor yPred);

  @Override
  final Tensor compute(Tensor yTrue, Tensor yPred) {
    int[][] s = MetricShapes.squeezeOrExpand(yTrue.shapeRef(), yPred.shapeRef(), true);
    int[] shape = MetricShapes.broadcastShape(s[0], s[1], className());
    Tensor out =
        terms(
            MetricShapes.reshape(MetricShapes.floats(yTrue), s[0]),
            MetricShapes.reshape(MetricShapes.floats(yPred), s[1]));
    if (!meanOverLastAxis || shape.length == 0) {
      return out;
    }
    return Ops.mean(out, -1);
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
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

  /** The elementwise terms, before any mean over the last axis. */
  private Tensor pairTerms(Tensor yTrue, Tensor yPred) {
    int[][] s = MetricShapes.squeezeOrExpand(ShapeRefs.of(yTrue), ShapeRefs.of(yPred), true);
    MetricShapes.broadcastShape(s[0], s[1], className()); // the error names the metric
    return terms(
        MetricShapes.reshape(MetricShapes.floats(yTrue), s[0]),
        MetricShapes.reshape(MetricShapes.floats(yPred), s[1]));
  }

  @Override
  final Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor out = pairTerms(yTrue, yPred);
    return !meanOverLastAxis || out.rank() == 0 ? out : Ops.mean(out, -1);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    if (meanOverLastAxis && sampleWeight == null && mask == null) {
      Tensor out = pairTerms(yTrue, yPred);
      if (out.rank() >= 2 && out.dim(-1) > 0) {
        // Unweighted, the mean over the last axis then over the other non-batch axes is the mean
        // over all non-batch axes, which the totals take anyway: one reduction fewer.
        addValues(out, null);
        return;
      }
    }
    super.updateState(yTrue, yPred, sampleWeight, mask);
  }
}

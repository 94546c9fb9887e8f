package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Keras's {@code keras.metrics.MeanAbsoluteError}: the mean of {@code |yTrue - yPred|} over the
 * last axis, averaged over samples with their weights.
 */
public class MeanAbsoluteError extends PairwiseMetric {
  /** Named {@code "mean_absolute_error"}. */
  public MeanAbsoluteError() {
    this("mean_absolute_error");
  }

  public MeanAbsoluteError(String name) {
    super(name, true);
  }

  @Override
  public MeanAbsoluteError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "down";
  }

  @Override
  Tensor terms(Tensor yTrue, Tensor yPred) {
    return Ops.abs(Ops.subtract(yTrue, yPred));
  }
}

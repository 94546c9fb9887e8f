package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Keras's {@code keras.metrics.MeanAbsolutePercentageError}: {@code 100 * mean(|(yTrue - yPred) /
 * max(|yTrue|, 1e-7)|)} over the last axis, averaged over samples with their weights.
 */
public class MeanAbsolutePercentageError extends PairwiseMetric {
  private static final float EPSILON = 1e-7f;

  /** Named {@code "mean_absolute_percentage_error"}. */
  public MeanAbsolutePercentageError() {
    this("mean_absolute_percentage_error");
  }

  public MeanAbsolutePercentageError(String name) {
    super(name, true);
  }

  @Override
  public MeanAbsolutePercentageError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "down";
  }

  @Override
  Tensor terms(Tensor yTrue, Tensor yPred) {
    Tensor scale = Ops.maximum(Ops.abs(yTrue), Tensor.scalar(EPSILON));
    return Ops.multiply(Ops.abs(Ops.divide(Ops.subtract(yTrue, yPred), scale)), 100f);
  }
}

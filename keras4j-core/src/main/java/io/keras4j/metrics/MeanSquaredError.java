package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Keras's {@code keras.metrics.MeanSquaredError}: the mean of {@code (yTrue - yPred)^2} over the
 * last axis, averaged over samples with their weights.
 */
public class MeanSquaredError extends PairwiseMetric {
  /** Named {@code "mean_squared_error"}. */
  public MeanSquaredError() {
    this("mean_squared_error");
  }

  public MeanSquaredError(String name) {
    super(name, true);
  }

  @Override
  public MeanSquaredError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "down";
  }

  @Override
  Tensor terms(Tensor yTrue, Tensor yPred) {
    return Ops.square(Ops.subtract(yTrue, yPred));
  }
}

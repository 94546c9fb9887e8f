package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Keras's {@code keras.metrics.RootMeanSquaredError}: {@code sqrt} of the weighted mean of {@code
 * (yPred - yTrue)^2} over every element seen (not averaged per row first, unlike {@link
 * MeanSquaredError}).
 */
public class RootMeanSquaredError extends PairwiseMetric {
  /** Named {@code "root_mean_squared_error"}. */
  public RootMeanSquaredError() {
    this("root_mean_squared_error");
  }

  public RootMeanSquaredError(String name) {
    super(name, false);
  }

  @Override
  public RootMeanSquaredError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "down";
  }

  @Override
  Tensor terms(Tensor yTrue, Tensor yPred) {
    return Ops.square(Ops.subtract(yPred, yTrue));
  }

  @Override
  public Tensor result() {
    return Tensor.scalar((float) Math.sqrt(mean()));
  }
}

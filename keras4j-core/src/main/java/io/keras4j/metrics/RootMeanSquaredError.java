package io.keras4j.metrics;

import io.keras4j.Tensor;

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
  void terms(float[] yTrue, float[] yPred, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      float d = yPred[i] - yTrue[i];
      out[i] = d * d;
    }
  }

  @Override
  public Tensor result() {
    return Tensor.scalar((float) Math.sqrt(mean()));
  }
}

package io.keras4j.metrics;

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
  void terms(float[] yTrue, float[] yPred, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      float d = yTrue[i] - yPred[i];
      out[i] = d * d;
    }
  }
}

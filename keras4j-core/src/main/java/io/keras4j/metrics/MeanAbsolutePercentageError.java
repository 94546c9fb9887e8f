package io.keras4j.metrics;

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
  void terms(float[] yTrue, float[] yPred, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = 100f * Math.abs((yTrue[i] - yPred[i]) / Math.max(Math.abs(yTrue[i]), EPSILON));
    }
  }
}

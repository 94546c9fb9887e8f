package io.keras4j.metrics;

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
  void terms(float[] yTrue, float[] yPred, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = Math.abs(yTrue[i] - yPred[i]);
    }
  }
}

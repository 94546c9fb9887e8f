package io.keras4j.metrics;

/**
 * Keras's {@code keras.metrics.MeanSquaredLogarithmicError}: the mean of {@code (log(max(yPred,
 * 1e-7) + 1) - log(max(yTrue, 1e-7) + 1))^2} over the last axis, averaged over samples with their
 * weights.
 */
public class MeanSquaredLogarithmicError extends PairwiseMetric {
  private static final float EPSILON = 1e-7f;

  /** Named {@code "mean_squared_logarithmic_error"}. */
  public MeanSquaredLogarithmicError() {
    this("mean_squared_logarithmic_error");
  }

  public MeanSquaredLogarithmicError(String name) {
    super(name, true);
  }

  @Override
  public MeanSquaredLogarithmicError name(String name) {
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
      float d =
          (float)
              (Math.log(Math.max(yPred[i], EPSILON) + 1.0)
                  - Math.log(Math.max(yTrue[i], EPSILON) + 1.0));
      out[i] = d * d;
    }
  }
}

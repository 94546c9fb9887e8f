package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

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
  Tensor terms(Tensor yTrue, Tensor yPred) {
    Tensor eps = Tensor.scalar(EPSILON);
    Tensor logPred = Ops.log(Ops.add(Ops.maximum(yPred, eps), 1f));
    Tensor logTrue = Ops.log(Ops.add(Ops.maximum(yTrue, eps), 1f));
    return Ops.square(Ops.subtract(logPred, logTrue));
  }
}

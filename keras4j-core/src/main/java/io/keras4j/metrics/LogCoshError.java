package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.losses.Losses;

/**
 * Keras's {@code keras.metrics.LogCoshError}: the weighted mean over samples of {@code
 * mean(log(cosh(yPred - yTrue)), axis=-1)} (see {@link io.keras4j.losses.LogCosh}).
 */
public class LogCoshError extends LossMetric {
  /** Named {@code "logcosh"}. */
  public LogCoshError() {
    this("logcosh");
  }

  public LogCoshError(String name) {
    super(name);
  }

  @Override
  public LogCoshError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return Losses.logCosh(yTrue, yPred);
  }
}

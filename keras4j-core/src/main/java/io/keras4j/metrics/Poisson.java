package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.losses.Losses;

/**
 * Keras's {@code keras.metrics.Poisson}: the weighted mean over samples of {@code mean(yPred -
 * yTrue * log(yPred + 1e-7), axis=-1)} (see {@link io.keras4j.losses.Poisson}).
 */
public class Poisson extends LossMetric {
  /** Named {@code "poisson"}. */
  public Poisson() {
    this("poisson");
  }

  public Poisson(String name) {
    super(name);
  }

  @Override
  public Poisson name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return Losses.poisson(yTrue, yPred);
  }
}

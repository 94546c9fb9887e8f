package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.losses.Losses;

/**
 * Keras's {@code keras.metrics.Hinge}: the weighted mean over samples of {@code mean(max(1 - yTrue
 * * yPred, 0), axis=-1)}, labels in {0, 1} first mapped to {-1, 1} (see {@link
 * io.keras4j.losses.Hinge}).
 */
public class Hinge extends LossMetric {
  /** Named {@code "hinge"}. */
  public Hinge() {
    this("hinge");
  }

  public Hinge(String name) {
    super(name);
  }

  @Override
  public Hinge name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return Losses.hinge(yTrue, yPred);
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.losses.Losses;

/**
 * Keras's {@code keras.metrics.SquaredHinge}: the weighted mean over samples of {@code mean(max(1 -
 * yTrue * yPred, 0)^2, axis=-1)}, labels in {0, 1} first mapped to {-1, 1} (see {@link
 * io.keras4j.losses.SquaredHinge}).
 */
public class SquaredHinge extends LossMetric {
  /** Named {@code "squared_hinge"}. */
  public SquaredHinge() {
    this("squared_hinge");
  }

  public SquaredHinge(String name) {
    super(name);
  }

  @Override
  public SquaredHinge name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return Losses.squaredHinge(yTrue, yPred);
  }
}

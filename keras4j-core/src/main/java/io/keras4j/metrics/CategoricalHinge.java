package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.losses.Losses;

/**
 * Keras's {@code keras.metrics.CategoricalHinge}: the weighted mean over samples of {@code max(neg
 * - pos + 1, 0)} with {@code pos = sum(yTrue * yPred, axis=-1)} and {@code neg = max((1 - yTrue) *
 * yPred, axis=-1)} (see {@link io.keras4j.losses.CategoricalHinge}).
 */
public class CategoricalHinge extends LossMetric {
  /** Named {@code "categorical_hinge"}. */
  public CategoricalHinge() {
    this("categorical_hinge");
  }

  public CategoricalHinge(String name) {
    super(name);
  }

  @Override
  public CategoricalHinge name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return Losses.categoricalHinge(yTrue, yPred);
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.losses.Losses;

/**
 * Keras's {@code keras.metrics.KLDivergence}: the weighted mean over samples of {@code sum(t *
 * log(t / p), axis=-1)} with {@code t} and {@code p} clipped to {@code [1e-7, 1]} (see {@link
 * io.keras4j.losses.KLDivergence}).
 */
public class KLDivergence extends LossMetric {
  /** Named {@code "kl_divergence"}. */
  public KLDivergence() {
    this("kl_divergence");
  }

  public KLDivergence(String name) {
    super(name);
  }

  @Override
  public KLDivergence name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return Losses.klDivergence(yTrue, yPred);
  }
}

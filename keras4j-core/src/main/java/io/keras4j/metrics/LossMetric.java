package io.keras4j.metrics;

import io.keras4j.Tensor;

/**
 * A {@link MeanMetricWrapper} over one of Keras's loss functions: the per-sample values come from a
 * configured {@code io.keras4j.losses} loss ({@code Loss.compute}), so the formulas live in one
 * place. Such metrics are minimized ({@code direction() == "down"}), as Keras marks the metrics
 * that wrap a loss.
 */
abstract class LossMetric extends MeanMetricWrapper {
  LossMetric(String name) {
    super(name);
  }

  /** The unreduced loss values of one batch. */
  abstract Tensor lossValues(Tensor yTrue, Tensor yPred);

  @Override
  Tensor compute(Tensor yTrue, Tensor yPred) {
    return lossValues(yTrue, yPred);
  }

  @Override
  public String direction() {
    return "down";
  }
}

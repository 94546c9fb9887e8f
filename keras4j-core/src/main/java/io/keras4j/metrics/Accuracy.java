package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Keras's {@code keras.metrics.Accuracy}: how often predictions equal labels exactly, averaged over
 * samples with their weights.
 */
public class Accuracy extends PairwiseMetric {
  /** Named {@code "accuracy"}. */
  public Accuracy() {
    this("accuracy");
  }

  public Accuracy(String name) {
    super(name, false);
  }

  @Override
  public Accuracy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  Tensor terms(Tensor yTrue, Tensor yPred) {
    return Ops.equal(yTrue, yPred);
  }
}

package io.keras4j.metrics;

import io.keras4j.Variable;
import io.keras4j.internal.Naming;

/**
 * Keras's {@code keras.metrics.FalsePositives}: the weighted number of false positives: negative
 * labels predicted above the threshold. One value per threshold (a scalar for the default single
 * threshold 0.5).
 */
public class FalsePositives extends ConfusionCount {
  /** Threshold 0.5, named {@code "false_positives"} (made unique, as Keras names it). */
  public FalsePositives() {
    super(Naming.uniqueName("false_positives"));
  }

  @Override
  public FalsePositives name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public FalsePositives thresholds(double threshold) {
    super.thresholds(threshold);
    return this;
  }

  @Override
  public FalsePositives thresholds(double... thresholds) {
    super.thresholds(thresholds);
    return this;
  }

  @Override
  void update(Confusion c, Confusion.Batch b, Variable counts) {
    c.update(className(), b, null, counts, null, null);
  }
}

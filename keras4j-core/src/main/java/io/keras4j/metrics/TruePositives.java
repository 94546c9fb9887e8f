package io.keras4j.metrics;

import io.keras4j.Variable;
import io.keras4j.internal.Naming;

/**
 * Keras's {@code keras.metrics.TruePositives}: the weighted number of true positives: positive
 * labels predicted above the threshold. One value per threshold (a scalar for the default single
 * threshold 0.5).
 */
public class TruePositives extends ConfusionCount {
  /** Threshold 0.5, named {@code "true_positives"} (made unique, as Keras names it). */
  public TruePositives() {
    super(Naming.uniqueName("true_positives"));
  }

  @Override
  public TruePositives name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public TruePositives thresholds(double threshold) {
    super.thresholds(threshold);
    return this;
  }

  @Override
  public TruePositives thresholds(double... thresholds) {
    super.thresholds(thresholds);
    return this;
  }

  @Override
  void update(Confusion c, Confusion.Batch b, Variable counts) {
    c.update(className(), b, counts, null, null, null);
  }
}

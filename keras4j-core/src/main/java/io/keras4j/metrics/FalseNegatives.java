package io.keras4j.metrics;

import io.keras4j.Variable;
import io.keras4j.internal.Naming;

/**
 * Keras's {@code keras.metrics.FalseNegatives}: the weighted number of false negatives: positive
 * labels predicted at or below the threshold. One value per threshold (a scalar for the default
 * single threshold 0.5).
 */
public class FalseNegatives extends ConfusionCount {
  /** Threshold 0.5, named {@code "false_negatives"} (made unique, as Keras names it). */
  public FalseNegatives() {
    super(Naming.uniqueName("false_negatives"));
  }

  @Override
  public FalseNegatives name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public FalseNegatives thresholds(double threshold) {
    super.thresholds(threshold);
    return this;
  }

  @Override
  public FalseNegatives thresholds(double... thresholds) {
    super.thresholds(thresholds);
    return this;
  }

  @Override
  void update(Confusion c, Confusion.Batch b, Variable counts) {
    c.update(className(), b, null, null, null, counts);
  }
}

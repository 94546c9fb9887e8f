package io.keras4j.metrics;

import io.keras4j.Variable;
import io.keras4j.internal.Naming;

/**
 * Keras's {@code keras.metrics.TrueNegatives}: the weighted number of true negatives: negative
 * labels predicted at or below the threshold. One value per threshold (a scalar for the default
 * single threshold 0.5).
 */
public class TrueNegatives extends ConfusionCount {
  /** Threshold 0.5, named {@code "true_negatives"} (made unique, as Keras names it). */
  public TrueNegatives() {
    super(Naming.uniqueName("true_negatives"));
  }

  @Override
  public TrueNegatives name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public TrueNegatives thresholds(double threshold) {
    super.thresholds(threshold);
    return this;
  }

  @Override
  public TrueNegatives thresholds(double... thresholds) {
    super.thresholds(thresholds);
    return this;
  }

  @Override
  void update(Confusion c, Confusion.Batch b, Variable counts) {
    c.update(className(), b, null, null, counts, null);
  }
}

package io.keras4j.metrics;

import io.keras4j.Variable;
import io.keras4j.internal.Naming;

/**
 * Keras's {@code keras.metrics.Precision}: the weighted fraction of predicted positives that are
 * truly positive: {@code tp / (tp + fp)}, at threshold 0.5 unless {@link #thresholds} or {@link
 * #topK} say otherwise; one value per threshold. With {@link #classId}, only that class (column) is
 * considered.
 */
public class Precision extends RatioAtThresholds {
  /** Threshold 0.5, named {@code "precision"} (made unique, as Keras names it). */
  public Precision() {
    super(Naming.uniqueName("precision"));
  }

  @Override
  public Precision name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Precision thresholds(double threshold) {
    super.thresholds(threshold);
    return this;
  }

  @Override
  public Precision thresholds(double... thresholds) {
    super.thresholds(thresholds);
    return this;
  }

  @Override
  public Precision topK(int topK) {
    super.topK(topK);
    return this;
  }

  @Override
  public Precision classId(int classId) {
    super.classId(classId);
    return this;
  }

  @Override
  String otherName() {
    return "false_positives";
  }

  @Override
  void update(Confusion c, Confusion.Batch b, Variable tp, Variable other) {
    c.update(className(), b, tp, other, null, null);
  }
}

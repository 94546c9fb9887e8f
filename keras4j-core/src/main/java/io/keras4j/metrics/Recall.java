package io.keras4j.metrics;

import io.keras4j.Variable;
import io.keras4j.internal.Naming;

/**
 * Keras's {@code keras.metrics.Recall}: the weighted fraction of positive labels that are predicted
 * positive: {@code tp / (tp + fn)}, at threshold 0.5 unless {@link #thresholds} or {@link #topK}
 * say otherwise; one value per threshold. With {@link #classId}, only that class (column) is
 * considered.
 */
public class Recall extends RatioAtThresholds {
  /** Threshold 0.5, named {@code "recall"} (made unique, as Keras names it). */
  public Recall() {
    super(Naming.uniqueName("recall"));
  }

  @Override
  public Recall name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Recall thresholds(double threshold) {
    super.thresholds(threshold);
    return this;
  }

  @Override
  public Recall thresholds(double... thresholds) {
    super.thresholds(thresholds);
    return this;
  }

  @Override
  public Recall topK(int topK) {
    super.topK(topK);
    return this;
  }

  @Override
  public Recall classId(int classId) {
    super.classId(classId);
    return this;
  }

  @Override
  String otherName() {
    return "false_negatives";
  }

  @Override
  void update(Confusion c, Confusion.Batch b, Variable tp, Variable other) {
    c.update(className(), b, tp, null, null, other);
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import java.util.Map;

/**
 * The weighted count of one confusion-matrix cell at one or several thresholds (Keras's {@code
 * _ConfusionMatrixConditionCount}): a scalar for one threshold, a vector for several.
 */
abstract class ConfusionCount extends Metric {
  private Object initThresholds; // null, a Double or a double[] as given, for the config
  private double[] thresholds = {0.5};
  private Confusion confusion = new Confusion(thresholds, false);
  private Variable counts;
  private final Confusion.Batch batch = new Confusion.Batch();

  ConfusionCount(String name) {
    super(name);
    counts = addVariable("accumulator", 1);
  }

  /** Adds this metric's cell to the slot it names; the others are null. */
  abstract void update(Confusion c, Confusion.Batch b, Variable counts);

  /** One threshold in [0, 1] (default 0.5); predictions above it are positive. */
  public ConfusionCount thresholds(double threshold) {
    set(new double[] {threshold});
    initThresholds = threshold;
    return this;
  }

  /** Several thresholds in [0, 1]: the result has one count per threshold. */
  public ConfusionCount thresholds(double... thresholds) {
    set(thresholds);
    initThresholds = thresholds.clone();
    return this;
  }

  private void set(double[] t) {
    thresholds = Thresholds.checkRange(className(), t);
    confusion = new Confusion(thresholds, Thresholds.evenlyDistributed(thresholds));
    clearVariables();
    counts = addVariable("accumulator", thresholds.length);
  }

  /** The thresholds in use. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Confusion.Batch b = batch;
    b.yTrue = yTrue;
    b.yPred = yPred;
    b.sampleWeight = sampleWeight;
    update(confusion, b, counts);
    b.yTrue = null;
    b.yPred = null;
    b.sampleWeight = null;
  }

  @Override
  public Tensor result() {
    Tensor value = counts.numpy();
    return value.size() == 1 ? Tensor.scalar(value.item()) : value;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put(
        "thresholds", initThresholds instanceof double[] d ? Thresholds.toList(d) : initThresholds);
    return c;
  }
}

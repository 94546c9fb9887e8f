package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * The common part of {@link Precision} and {@link Recall}: {@code tp / (tp + other)} at one or
 * several thresholds, optionally restricted to the top-k predictions of each row and to one class.
 */
abstract class RatioAtThresholds extends Metric {
  private Object initThresholds; // null, a Double or a double[] as given, for the config
  private Integer topK;
  private Integer classId;
  private double[] thresholds;
  private Confusion confusion;
  private Variable tp;
  private Variable other;
  private final Confusion.Batch batch = new Confusion.Batch();

  RatioAtThresholds(String name) {
    super(name);
    configure();
  }

  /** Keras's name of the other cell's variable: "false_positives" or "false_negatives". */
  abstract String otherName();

  /** Adds the batch to {@code tp} and to the other cell (false positives or negatives). */
  abstract void update(Confusion c, Confusion.Batch b, Variable tp, Variable other);

  /** One threshold in [0, 1]; predictions above it are positive (default 0.5). */
  public RatioAtThresholds thresholds(double threshold) {
    Thresholds.checkRange(className(), new double[] {threshold});
    initThresholds = threshold;
    configure();
    return this;
  }

  /** Several thresholds in [0, 1]: the result has one value per threshold. */
  public RatioAtThresholds thresholds(double... thresholds) {
    Thresholds.checkRange(className(), thresholds);
    initThresholds = thresholds.clone();
    configure();
    return this;
  }

  /**
   * Only the {@code topK} largest predictions of each row count as positive. Without explicit
   * thresholds those are positive whatever their value (Keras's threshold {@code -1e10}).
   */
  public RatioAtThresholds topK(int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException(
          className() + ": topK must be a positive integer. Received: topK=" + topK);
    }
    this.topK = topK;
    configure();
    return this;
  }

  /** Only this class (column of the last axis) is considered. */
  public RatioAtThresholds classId(int classId) {
    if (classId < 0) {
      throw new IllegalArgumentException(
          className() + ": classId must be a non-negative integer. Received: classId=" + classId);
    }
    this.classId = classId;
    return this;
  }

  /** The thresholds in use. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  private void configure() {
    double fallback = topK == null ? 0.5 : Ranking.NEG_INF;
    if (initThresholds == null) {
      thresholds = new double[] {fallback};
    } else if (initThresholds instanceof Double d) {
      thresholds = new double[] {d};
    } else {
      thresholds = ((double[]) initThresholds).clone();
    }
    confusion = new Confusion(thresholds, Thresholds.evenlyDistributed(thresholds));
    clearVariables();
    tp = addVariable("true_positives", thresholds.length);
    other = addVariable(otherName(), thresholds.length);
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    Confusion.Batch b = batch;
    b.yTrue = yTrue;
    b.yPred = yPred;
    b.sampleWeight = sampleWeight;
    b.topK = topK == null ? -1 : topK;
    b.classId = classId == null ? -1 : classId;
    update(confusion, b, tp, other);
    b.yTrue = null;
    b.yPred = null;
    b.sampleWeight = null;
  }

  @Override
  public Tensor result() {
    // tp / (tp + other), 0 where both are 0 (Keras's divide_no_nan).
    Tensor truePositives = tp.numpy();
    Tensor total = Ops.add(truePositives, other.numpy());
    Tensor zero = Tensor.scalar(0f);
    Tensor ratio = Ops.where(Ops.equal(total, zero), zero, Ops.divide(truePositives, total));
    return ratio.size() == 1 ? Tensor.scalar(ratio.item()) : ratio;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put(
        "thresholds", initThresholds instanceof double[] d ? Thresholds.toList(d) : initThresholds);
    c.put("top_k", topK);
    c.put("class_id", classId);
    return c;
  }
}

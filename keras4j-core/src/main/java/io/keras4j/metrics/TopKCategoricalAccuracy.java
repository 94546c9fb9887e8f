package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.TopKCategoricalAccuracy}: how often the class of the one-hot label
 * is among the {@code k} largest predictions (ties counted in), averaged over samples with their
 * weights.
 */
public class TopKCategoricalAccuracy extends MeanMetricWrapper {
  private int k;

  /** k = 5, named {@code "top_k_categorical_accuracy"}. */
  public TopKCategoricalAccuracy() {
    this(5);
  }

  public TopKCategoricalAccuracy(int k) {
    super("top_k_categorical_accuracy");
    k(k);
  }

  @Override
  public TopKCategoricalAccuracy name(String name) {
    super.name(name);
    return this;
  }

  /** How many of the largest predictions count. */
  public TopKCategoricalAccuracy k(int k) {
    this.k = checkK(className(), k);
    return this;
  }

  public int k() {
    return k;
  }

  static int checkK(String owner, int k) {
    if (k < 1) {
      throw new IllegalArgumentException(
          owner + ": k must be a positive integer. Received: k=" + k);
    }
    return k;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  Tensor compute(Tensor yTrue, Tensor yPred) {
    int[] ts = ShapeRefs.of(yTrue);
    int[] ps = ShapeRefs.of(yPred);
    int tc = MetricShapes.last(ts);
    int pc = MetricShapes.last(ps);
    long rows = tc == 0 ? 0 : yTrue.size() / tc;
    if (ts.length == 0 || ps.length == 0 || (pc == 0 ? 0 : yPred.size() / pc) != rows) {
      throw new IllegalArgumentException(
          className()
              + ": y_true (one-hot) and y_pred must have the same leading dimensions. Received:"
              + " y_true.shape="
              + Shapes.toString(ts)
              + ", y_pred.shape="
              + Shapes.toString(ps));
    }
    int[] shape = MetricShapes.dropLast(ts);
    if (rows == 0) {
      return Tensor.zeros(shape);
    }
    Tensor target = Ranking.argmax(MetricShapes.floats(yTrue));
    Tensor p = Ops.reshape(MetricShapes.floats(yPred), (int) rows, pc);
    return MetricShapes.reshape(Ranking.inTopK(p, target, k), shape);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    return c;
  }
}

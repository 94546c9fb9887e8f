package io.keras4j.metrics;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.SparseTopKCategoricalAccuracy}: how often the integer label is among
 * the {@code k} largest predictions (ties counted in), averaged over samples with their weights.
 * With {@code fromSortedIds(true)}, {@code yPred} holds class ids sorted from the best score down,
 * and a sample matches when its label is among the first {@code k} of them.
 */
public class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  private int k;
  private boolean fromSortedIds;

  /** k = 5, named {@code "sparse_top_k_categorical_accuracy"}. */
  public SparseTopKCategoricalAccuracy() {
    this(5);
  }

  public SparseTopKCategoricalAccuracy(int k) {
    super("sparse_top_k_categorical_accuracy");
    k(k);
  }

  @Override
  public SparseTopKCategoricalAccuracy name(String name) {
    super.name(name);
    return this;
  }

  /** How many of the largest predictions count. */
  public SparseTopKCategoricalAccuracy k(int k) {
    this.k = TopKCategoricalAccuracy.checkK(className(), k);
    return this;
  }

  public int k() {
    return k;
  }

  /** Whether {@code yPred} holds sorted class ids rather than scores (default false). */
  public SparseTopKCategoricalAccuracy fromSortedIds(boolean fromSortedIds) {
    this.fromSortedIds = fromSortedIds;
    return this;
  }

  public boolean fromSortedIds() {
    return fromSortedIds;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  Tensor compute(Tensor yTrue, Tensor yPred) {
    int[] ts = ShapeRefs.of(yTrue);
    int[] ps = ShapeRefs.of(yPred);
    int cols = MetricShapes.last(ps);
    if (ps.length == 0 || (cols == 0 ? 0 : yPred.size() / cols) != yTrue.size()) {
      throw new IllegalArgumentException(
          className()
              + ": y_true must hold one integer label per row of y_pred. Received: y_true.shape="
              + Shapes.toString(ts)
              + ", y_pred.shape="
              + Shapes.toString(ps));
    }
    int rows = (int) yTrue.size();
    if (rows == 0) {
      return Tensor.zeros(ts);
    }
    Tensor p = Ops.reshape(MetricShapes.floats(yPred), rows, cols);
    Tensor t = MetricShapes.floats(yTrue);
    Tensor hit;
    if (fromSortedIds) {
      int m = Math.min(k, cols);
      Tensor firstK = m == cols ? p : Ops.slice(p, new int[] {0, 0}, new int[] {rows, m});
      hit = Ops.max(Ops.equal(firstK, Ops.reshape(t, rows, 1)), 1);
    } else {
      // Keras converts the labels to int32 (truncating).
      hit = Ranking.inTopK(p, Ops.cast(t, DType.INT32), k);
    }
    return MetricShapes.reshape(hit, ts);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("k", k);
    if (fromSortedIds) {
      c.put("from_sorted_ids", true);
    }
    return c;
  }
}

package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
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
  void compute(Tensor yTrue, Tensor yPred, Values out) {
    int[] ts = yTrue.shapeRef();
    int[] ps = yPred.shapeRef();
    int cols = MetricShapes.last(ps);
    float[] t = MetricShapes.floats(yTrue);
    float[] p = MetricShapes.floats(yPred);
    if (ps.length == 0 || (cols == 0 ? 0 : p.length / cols) != t.length) {
      throw new IllegalArgumentException(
          className()
              + ": y_true must hold one integer label per row of y_pred. Received: y_true.shape="
              + Shapes.toString(ts)
              + ", y_pred.shape="
              + Shapes.toString(ps));
    }
    float[] o = out.alloc(ts);
    for (int r = 0; r < t.length; r++) {
      boolean hit = false;
      if (fromSortedIds) {
        for (int j = 0, end = Math.min(k, cols); j < end && !hit; j++) {
          hit = p[r * cols + j] == t[r];
        }
      } else {
        // Keras converts the labels to int32 (truncating).
        hit = Ranking.inTopK(p, r * cols, cols, (int) t[r], k);
      }
      o[r] = hit ? 1f : 0f;
    }
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

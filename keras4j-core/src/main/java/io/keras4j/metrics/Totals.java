package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;

/**
 * The running {@code total} and {@code count} of {@link Mean}, {@link Sum} and {@link
 * MeanMetricWrapper} (two scalar state variables of the metric), updated as Keras's {@code
 * reduce_to_samplewise_values} shapes values and sample weights: the weights are matched to the
 * values' rank, the values reduced to the weights' rank, the weights broadcast, and both reduced to
 * one value per sample (by mean for Mean, by sum for Sum). The batch is summed with ops and added
 * to the variables ({@code assign_add}).
 */
final class Totals {
  private final Variable total;
  private final Variable count;

  /** Accumulates into these scalar variables ({@code count} null: no count). */
  Totals(Variable total, Variable count) {
    this.total = total;
    this.count = count;
  }

  double total() {
    return total.value().item();
  }

  double count() {
    return count.value().item();
  }

  /** total / count, 0 before any weight (Keras's divide_no_nan). */
  double mean() {
    double c = count();
    return c == 0 ? 0 : total() / c;
  }

  private void accumulate(Tensor batchTotal, Tensor batchCount) {
    total.assignAdd(batchTotal);
    if (count != null) {
      count.assignAdd(batchCount);
    }
  }

  /**
   * Adds one batch of values.
   *
   * @param values the values, any numeric tensor
   * @param weights the sample weights, or null
   * @param mean reduce within a sample by mean (Mean) rather than by sum (Sum)
   * @param owner the metric's class name, for errors
   */
  void add(Tensor values, Tensor weights, boolean mean, String owner) {
    Tensor v = MetricShapes.floats(values);
    int[] vs = ShapeRefs.of(v);
    if (weights == null) {
      int inner = MetricShapes.sizeFrom(vs, 1);
      Tensor s = Ops.sum(v);
      if (mean && vs.length > 1 && inner > 0) {
        s = Ops.divide(s, Tensor.scalar(inner));
      }
      accumulate(s, count == null ? null : Tensor.scalar(vs.length == 0 ? 1 : vs[0]));
      return;
    }
    int[][] same = MetricShapes.squeezeOrExpand(vs, ShapeRefs.of(weights), true);
    vs = same[0];
    int[] ws = same[1];
    v = MetricShapes.reshape(v, vs);
    int rank = ws.length;
    if (vs.length > rank) {
      // Reduce the values over their trailing axes to the weights' rank.
      int[] axes = new int[vs.length - rank];
      for (int i = 0; i < axes.length; i++) {
        axes[i] = rank + i;
      }
      v = mean ? Ops.mean(v, axes, false) : Ops.sum(v, axes, false);
      vs = Arrays.copyOf(vs, rank);
    }
    Tensor w = MetricShapes.broadcast(MetricShapes.floats(weights), ws, vs, owner, "sample_weight");
    Tensor sumVw = Ops.sum(Ops.multiply(v, w));
    Tensor sumW = Ops.sum(w);
    int inner = MetricShapes.sizeFrom(vs, 1);
    if (mean && vs.length > 1 && inner > 0) {
      Tensor n = Tensor.scalar(inner);
      sumVw = Ops.divide(sumVw, n);
      sumW = Ops.divide(sumW, n);
    }
    accumulate(sumVw, sumW);
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** Argmax and top-k membership along the last axis, with ops. */
final class Ranking {
  private Ranking() {}

  /** Keras's {@code NEG_INF} of metrics_utils, in float32. */
  static final float NEG_INF = -1e10f;

  private static final Tensor MINUS_INFINITY = Tensor.scalar(Float.NEGATIVE_INFINITY);

  /**
   * The index of the largest value along the last axis (int32, the first one on ties), or of the
   * first NaN when a row holds one, as numpy's argmax. The last axis must not be empty.
   */
  static Tensor argmax(Tensor x) {
    Tensor best = Ops.argmax(x, -1);
    if (!Float.isNaN(Ops.sum(x).item())) {
      return best; // no NaN (a sum of values without NaN is NaN only for inf - inf)
    }
    Tensor nan = Ops.notEqual(x, x);
    return Ops.where(Ops.max(nan, -1), Ops.argmax(nan, -1), best);
  }

  /**
   * Whether column {@code target[r]} of row {@code r} of {@code x} ({@code [rows, cols]}, {@code
   * cols >= 1}) is among the row's {@code k} largest, ties counted in: {@code 1 + #(values > x[r,
   * target]) <= k}, as Keras's {@code in_top_k}; float32 1 or 0 per row. A NaN at the target counts
   * as {@code -inf}; a target outside {@code [0, cols)} is never in the top k.
   */
  static Tensor inTopK(Tensor x, Tensor target, int k) {
    int rows = x.dim(0);
    int cols = x.dim(1);
    Tensor isTarget = Ops.equal(columnIndices(cols), Ops.reshape(target, rows, 1));
    Tensor value = Ops.max(Ops.where(isTarget, x, MINUS_INFINITY), new int[] {1}, true);
    value = Ops.where(Ops.notEqual(value, value), MINUS_INFINITY, value);
    Tensor greater = Ops.sum(Ops.greater(x, value), 1);
    Tensor inRange = Ops.max(isTarget, 1);
    return Ops.logicalAnd(Ops.less(greater, Tensor.scalar(k)), inRange);
  }

  /** {@code [[0, 1, ..., cols - 1]]}, float32 of shape {@code [1, cols]}. */
  private static Tensor columnIndices(int cols) {
    float[] idx = new float[cols];
    for (int j = 0; j < cols; j++) {
      idx[j] = j;
    }
    return Tensor.of(idx, 1, cols);
  }
}

package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.backend.Backend;
import io.keras4j.backend.MetricKernels;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;

/**
 * Keras's {@code update_confusion_matrix_variables}: weighted true/false positives/negatives of
 * predictions against thresholds ({@code yPred > threshold} is positive; a label is positive when
 * nonzero), accumulated per threshold and, for multi-label data, per label.
 *
 * <p>The inputs are shaped, filtered (top k, one class) and weighted here with ops; the counts come
 * from the backend's {@link MetricKernels#thresholdCounts}, which puts each prediction in the
 * bucket of how many thresholds lie below it instead of comparing it with every threshold (Keras's
 * bucketed update for evenly spaced thresholds, with its float32 arithmetic, clipping and epsilon
 * edges).
 */
final class Confusion {
  private final int size;
  private final Tensor ascending; // the thresholds, sorted, float32 (Keras compares in float32)
  private final Tensor givenOrder; // int32: each threshold's place in ascending; null if sorted
  private final boolean bucketed;

  /**
   * @param thresholds the thresholds, in the order of the results
   * @param evenly whether Keras takes its bucketed path (see {@link Thresholds#evenlyDistributed})
   */
  Confusion(double[] thresholds, boolean evenly) {
    int n = thresholds.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(thresholds[a], thresholds[b]));
    float[] sorted = new float[n];
    int[] place = new int[n];
    boolean inOrder = true;
    for (int i = 0; i < n; i++) {
      sorted[i] = (float) thresholds[idx[i]];
      place[idx[i]] = i;
      inOrder &= idx[i] == i;
    }
    this.size = n;
    this.ascending = Tensor.of(sorted, n);
    this.givenOrder = inOrder ? null : Tensor.ofInts(place, n);
    this.bucketed = evenly;
  }

  int size() {
    return size;
  }

  /** One batch's inputs and options. */
  static final class Batch {
    Tensor yTrue;
    Tensor yPred;
    Tensor sampleWeight;
    int topK = -1;
    int classId = -1;
    boolean multiLabel;
    float[] labelWeights;
  }

  /**
   * Adds one batch to the counts (variables of shape {@code [thresholds]}, or {@code [thresholds,
   * labels]} when multi-label); any of them may be null.
   */
  void update(String owner, Batch b, Variable tp, Variable fp, Variable tn, Variable fn) {
    int[][] same = MetricShapes.squeezeOrExpand(ShapeRefs.of(b.yPred), ShapeRefs.of(b.yTrue), true);
    int[] shape = same[0];
    if (!Arrays.equals(shape, same[1])) {
      throw new IllegalArgumentException(
          owner
              + ": y_true and y_pred must have the same shape. Received: y_true.shape="
              + Shapes.toString(ShapeRefs.of(b.yTrue))
              + ", y_pred.shape="
              + Shapes.toString(ShapeRefs.of(b.yPred)));
    }
    Tensor p = MetricShapes.reshape(MetricShapes.floats(b.yPred), shape);
    Tensor y = MetricShapes.reshape(MetricShapes.floats(b.yTrue), shape);
    Tensor w = null;
    if (b.sampleWeight != null) {
      // Keras expands the weights by one axis, then squeezes it back when the ranks allow.
      int[] ws = Arrays.copyOf(ShapeRefs.of(b.sampleWeight), b.sampleWeight.rank() + 1);
      ws[ws.length - 1] = 1;
      ws = MetricShapes.squeezeOrExpand(shape, ws, false)[1];
      w =
          MetricShapes.broadcast(
              MetricShapes.floats(b.sampleWeight), ws, shape, owner, "sample_weight");
    }
    int cols = MetricShapes.last(shape);
    MetricKernels kernels = Backend.current().metrics();
    if (b.topK > 0) {
      p = kernels.keepTopK(p, b.topK, Ranking.NEG_INF);
    }
    float[] lw = b.labelWeights;
    if (lw != null) {
      if (lw.length != 1 && lw.length != cols) {
        throw new IllegalArgumentException(
            owner
                + ": labelWeights must have one weight per label ("
                + cols
                + "). Received: labelWeights.length="
                + lw.length);
      }
      Tensor perLabel = lw.length == 1 ? Tensor.scalar(lw[0]) : Tensor.of(lw);
      w = w == null ? Ops.broadcastTo(perLabel, shape) : Ops.multiply(w, perLabel);
    }
    if (b.classId >= 0) {
      checkClassId(owner, b, shape, cols);
      p = column(p, b.classId);
      y = column(y, b.classId);
      w = w == null ? null : column(w, b.classId);
    }
    Tensor[] counts = kernels.thresholdCounts(p, y, w, ascending, bucketed, b.multiLabel);
    Variable[] into = {tp, fp, tn, fn};
    for (int c = 0; c < 4; c++) {
      if (into[c] != null) {
        into[c].assignAdd(givenOrder == null ? counts[c] : Ops.take(counts[c], givenOrder, 0));
      }
    }
  }

  private static void checkClassId(String owner, Batch b, int[] shape, int cols) {
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          owner
              + ": when classId is given, y_pred must have shape (num_samples, num_classes)."
              + " Received: y_pred.shape="
              + Shapes.toString(ShapeRefs.of(b.yPred)));
    }
    if (b.classId >= cols) {
      throw new IllegalArgumentException(
          owner
              + ": classId must be in [0, "
              + cols
              + ") for y_pred.shape="
              + Shapes.toString(ShapeRefs.of(b.yPred))
              + ". Received: classId="
              + b.classId);
    }
  }

  /** {@code x[..., classId:classId + 1]}. */
  private static Tensor column(Tensor x, int classId) {
    int rank = x.rank();
    int[] start = new int[rank];
    int[] size = new int[rank];
    Arrays.fill(size, -1);
    start[rank - 1] = classId;
    size[rank - 1] = 1;
    return Ops.slice(x, start, size);
  }
}

package io.keras4j.metrics;

import io.keras4j.Shapes;
import java.util.Arrays;

/**
 * Keras's {@code update_confusion_matrix_variables}: weighted true/false positives/negatives of
 * predictions against thresholds ({@code yPred > threshold} is positive; a label is positive when
 * nonzero), accumulated per threshold and, for multi-label data, per label.
 *
 * <p>Instead of comparing every prediction with every threshold, each prediction is put in the
 * bucket of how many thresholds lie below it, and the buckets are summed from the top: O(N + T) for
 * evenly spaced thresholds (Keras's bucketed update, replicated with its float32 arithmetic,
 * clipping and epsilon edges) and O(N log T) otherwise, with the same results as the comparisons.
 */
final class Confusion {
  private final float[] sorted;
  private final int[] order;
  private final boolean evenly;
  private final boolean withEpsilon;
  private double[] pos = new double[0];
  private double[] neg = new double[0];
  private float[] scratch = new float[0];
  private boolean[] keep = new boolean[0];

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
    this.order = new int[n];
    this.sorted = new float[n];
    for (int i = 0; i < n; i++) {
      order[i] = idx[i];
      sorted[i] = (float) thresholds[idx[i]]; // Keras compares in float32
    }
    this.evenly = evenly;
    this.withEpsilon = evenly && (thresholds[0] < 0 || thresholds[n - 1] > 1);
  }

  int size() {
    return sorted.length;
  }

  /** One batch's inputs and options. */
  static final class Batch {
    float[] yTrue;
    int[] trueShape;
    float[] yPred;
    int[] predShape;
    float[] sampleWeight;
    int[] weightShape;
    int topK = -1;
    int classId = -1;
    boolean multiLabel;
    float[] labelWeights;
  }

  /**
   * Adds one batch to the counts, laid out {@code [threshold * labels + label]} ({@code labels} is
   * 1 unless multi-label). Any count array may be null.
   *
   * @return the number of labels of the batch (the last dimension when multi-label, else 1)
   */
  int update(String owner, Batch b, float[] tp, float[] fp, float[] tn, float[] fn) {
    int[][] same = MetricShapes.squeezeOrExpand(b.predShape, b.trueShape, true);
    int[] shape = same[0];
    if (!Arrays.equals(shape, same[1])) {
      throw new IllegalArgumentException(
          owner
              + ": y_true and y_pred must have the same shape. Received: y_true.shape="
              + Shapes.toString(b.trueShape)
              + ", y_pred.shape="
              + Shapes.toString(b.predShape));
    }
    float[] p = b.yPred;
    float[] y = b.yTrue;
    float[] w = null;
    if (b.sampleWeight != null) {
      // Keras expands the weights by one axis, then squeezes it back when the ranks allow.
      int[] ws = Arrays.copyOf(b.weightShape, b.weightShape.length + 1);
      ws[ws.length - 1] = 1;
      ws = MetricShapes.squeezeOrExpand(shape, ws, false)[1];
      w = MetricShapes.broadcast(b.sampleWeight, ws, shape, owner, "sample_weight");
    }
    int cols = MetricShapes.last(shape);
    if (b.topK > 0) {
      if (scratch.length != p.length) {
        scratch = new float[p.length];
      }
      if (keep.length < cols) {
        keep = new boolean[cols];
      }
      Ranking.filterTopK(p, scratch, Math.max(cols, 1), b.topK, keep);
      p = scratch;
    }
    int start = 0;
    int step = 1;
    if (b.classId >= 0) {
      if (shape.length < 2) {
        throw new IllegalArgumentException(
            owner
                + ": when classId is given, y_pred must have shape (num_samples, num_classes)."
                + " Received: y_pred.shape="
                + Shapes.toString(b.predShape));
      }
      if (b.classId >= cols) {
        throw new IllegalArgumentException(
            owner
                + ": classId must be in [0, "
                + cols
                + ") for y_pred.shape="
                + Shapes.toString(b.predShape)
                + ". Received: classId="
                + b.classId);
      }
      start = b.classId;
      step = cols;
    }
    float[] lw = b.labelWeights;
    if (lw != null && lw.length != 1 && lw.length != cols) {
      throw new IllegalArgumentException(
          owner
              + ": labelWeights must have one weight per label ("
              + cols
              + "). Received: labelWeights.length="
              + lw.length);
    }
    int labels = b.multiLabel ? cols : 1;
    int t = sorted.length;
    int stride = t + 1;
    int need = labels * stride;
    if (pos.length != need) {
      pos = new double[need];
      neg = new double[need];
    } else {
      Arrays.fill(pos, 0);
      Arrays.fill(neg, 0);
    }
    float scale = (float) (t - 1);
    for (int e = start; e < p.length; e += step) {
      double weight = w == null ? 1 : w[e];
      if (lw != null) {
        weight *= lw.length == 1 ? lw[0] : lw[e % cols];
      }
      int below;
      if (evenly) {
        float v = Math.min(Math.max(p[e], 0f), 1f);
        int bucket = (int) ((float) Math.ceil(v * scale) - 1f);
        below = (withEpsilon ? Math.max(bucket, 0) : bucket) + 1;
      } else {
        below = countBelow(p[e]);
      }
      int slot = (b.multiLabel ? (e % cols) * stride : 0) + below;
      if (y[e] != 0) {
        pos[slot] += weight;
      } else {
        neg[slot] += weight;
      }
    }
    for (int l = 0; l < labels; l++) {
      int base = l * stride;
      double totalPos = 0;
      double totalNeg = 0;
      for (int k = 0; k <= t; k++) {
        totalPos += pos[base + k];
        totalNeg += neg[base + k];
      }
      // Threshold sorted[i] is passed by the predictions with more than i thresholds below them.
      double cumPos = 0;
      double cumNeg = 0;
      for (int i = t - 1; i >= 0; i--) {
        cumPos += pos[base + i + 1];
        cumNeg += neg[base + i + 1];
        int at = order[i] * labels + l;
        if (tp != null) {
          tp[at] += cumPos;
        }
        if (fp != null) {
          fp[at] += cumNeg;
        }
        if (fn != null) {
          fn[at] += totalPos - cumPos;
        }
        if (tn != null) {
          tn[at] += totalNeg - cumNeg;
        }
      }
    }
    return labels;
  }

  /** How many thresholds are strictly below {@code v} (none for NaN). */
  private int countBelow(float v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}

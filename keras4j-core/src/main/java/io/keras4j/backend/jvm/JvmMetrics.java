package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.MetricKernels;

/**
 * The Java implementation of {@link MetricKernels}: one pass that puts each prediction in its
 * threshold bucket (O(1) when bucketed, a binary search otherwise), then the buckets summed from
 * the top, O(N + T) or O(N log T) instead of comparing every prediction with every threshold.
 */
final class JvmMetrics implements MetricKernels {

  @Override
  public Tensor[] thresholdCounts(
      Tensor predictions,
      Tensor labels,
      Tensor weights,
      Tensor thresholds,
      boolean bucketed,
      boolean perLabel) {
    float[] p = JvmTensors.floats(predictions);
    float[] y = JvmTensors.floats(labels);
    float[] w = weights == null ? null : JvmTensors.floats(weights);
    float[] th = JvmTensors.floats(thresholds);
    int t = th.length;
    int[] shape = predictions.shapeRef();
    int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
    int labelCount = perLabel ? cols : 1;
    int stride = t + 1;
    // hist[2 * (l * stride + k) + 1]: the weight of positive labels of label l with k thresholds
    // below the prediction; hist[2 * (...)]: of negative labels. One scatter-add per prediction,
    // its index computed without a branch on the label.
    double[] hist = new double[2 * labelCount * stride];
    if (bucketed) {
      bucketedHistogram(p, y, w, th, labelCount, stride, hist);
    } else {
      searchedHistogram(p, y, w, th, labelCount, stride, hist);
    }
    int n = t * labelCount;
    float[] tp = JvmTensors.output(n);
    float[] fp = JvmTensors.output(n);
    float[] tn = JvmTensors.output(n);
    float[] fn = JvmTensors.output(n);
    for (int l = 0; l < labelCount; l++) {
      int base = 2 * l * stride;
      double totalPos = 0;
      double totalNeg = 0;
      for (int k = 0; k <= t; k++) {
        totalNeg += hist[base + 2 * k];
        totalPos += hist[base + 2 * k + 1];
      }
      // Threshold i is passed by the predictions with more than i thresholds below them.
      double cumPos = 0;
      double cumNeg = 0;
      for (int i = t - 1; i >= 0; i--) {
        cumNeg += hist[base + 2 * (i + 1)];
        cumPos += hist[base + 2 * (i + 1) + 1];
        int at = i * labelCount + l;
        tp[at] = (float) cumPos;
        fp[at] = (float) cumNeg;
        fn[at] = (float) (totalPos - cumPos);
        tn[at] = (float) (totalNeg - cumNeg);
      }
    }
    int[] out = perLabel ? new int[] {t, labelCount} : new int[] {t};
    return new Tensor[] {
      JvmTensors.wrap(tp, out),
      JvmTensors.wrap(fp, out.clone()),
      JvmTensors.wrap(tn, out.clone()),
      JvmTensors.wrap(fn, out.clone())
    };
  }

  /** Keras's bucketed rule (see the interface), in float32 as Keras computes it. */
  private static void bucketedHistogram(
      float[] p, float[] y, float[] w, float[] th, int labels, int stride, double[] hist) {
    int t = th.length;
    int lowest = th[0] < 0 || th[t - 1] > 1 ? 0 : -1; // with the epsilon ends: relu(bucket)
    float scale = (float) (t - 1);
    int base = 0; // the first slot of the element's label, (e % labels) * stride
    int step = labels == 1 ? 0 : stride;
    int end = labels * stride;
    for (int e = 0; e < p.length; e++) {
      float v = Math.min(Math.max(p[e], 0f), 1f);
      int bucket = (int) ((float) Math.ceil(v * scale) - 1f);
      int slot = base + Math.max(bucket, lowest) + 1;
      hist[2 * slot + (y[e] != 0 ? 1 : 0)] += w == null ? 1 : w[e];
      base += step;
      if (base == end) {
        base = 0;
      }
    }
  }

  /** The number of thresholds strictly below each prediction, by binary search. */
  private static void searchedHistogram(
      float[] p, float[] y, float[] w, float[] th, int labels, int stride, double[] hist) {
    int base = 0; // the first slot of the element's label, (e % labels) * stride
    int step = labels == 1 ? 0 : stride;
    int end = labels * stride;
    for (int e = 0; e < p.length; e++) {
      int slot = base + countBelow(th, p[e]);
      hist[2 * slot + (y[e] != 0 ? 1 : 0)] += w == null ? 1 : w[e];
      base += step;
      if (base == end) {
        base = 0;
      }
    }
  }

  /** How many of the ascending {@code th} are strictly below {@code v} (none for NaN). */
  private static int countBelow(float[] th, float v) {
    int lo = 0;
    int hi = th.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (th[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public Tensor keepTopK(Tensor x, int k, float fill) {
    float[] src = JvmTensors.floats(x);
    int[] shape = x.shapeRef();
    int cols = Math.max(shape.length == 0 ? 1 : shape[shape.length - 1], 1);
    float[] out = JvmTensors.output(src.length);
    if (k >= cols) {
      System.arraycopy(src, 0, out, 0, src.length);
      return JvmTensors.wrap(out, shape.clone());
    }
    boolean[] keep = new boolean[cols];
    for (int off = 0; off < src.length; off += cols) {
      java.util.Arrays.fill(keep, false);
      for (int r = 0; r < k; r++) {
        int best = -1;
        for (int j = 0; j < cols; j++) {
          if (!keep[j] && (best < 0 || src[off + j] > src[off + best])) {
            best = j;
          }
        }
        keep[best] = true;
      }
      for (int j = 0; j < cols; j++) {
        out[off + j] = keep[j] ? src[off + j] : fill;
      }
    }
    return JvmTensors.wrap(out, shape.clone());
  }
}

package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.MetricKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * The Java implementation of {@link MetricKernels}. Confusion counts take two passes: the first
 * finds each prediction's cell (its bucket, how many thresholds lie below it, and whether its label
 * is positive), the second counts or sums the weights per cell; then the buckets are summed from
 * the top: O(N + T) when bucketed or with one threshold, O(N log T) otherwise, instead of comparing
 * every prediction with every threshold.
 *
 * <p>The first pass is written with float arithmetic only (no branch on the data), which C2
 * compiles to vector instructions: a comparison {@code a > 0} becomes {@code (int) min(max(a *
 * 2^100 * 2^100, 0), 1)}, 1 for every positive float however small, 0 for zero, negatives and NaN.
 */
final class JvmMetrics implements MetricKernels {
  /** 2^100: {@code (x * 2^100) * 2^100 >= 1} for every positive float, down to 2^-149. */
  private static final float HUGE = 0x1p100f;

  /**
   * Copies of the histogram that consecutive predictions add to in turn, when it is small, so that
   * the additions to a popular cell do not wait for one another (one threshold: four cells).
   */
  private static final int COPIES = 4;

  private static final int SMALL = 64;

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
    int[] shape = ShapeRefs.of(predictions);
    int labelCount = perLabel ? (shape.length == 0 ? 1 : shape[shape.length - 1]) : 1;
    // cell = 2 * (label * (t + 1) + below) + (positive label ? 1 : 0)
    int[] cell = new int[p.length];
    if (bucketed) {
      bucketedCells(p, y, th, cell);
    } else if (t == 1) {
      singleThresholdCells(p, y, th[0], cell);
    } else {
      searchedCells(p, y, th, cell);
    }
    if (labelCount > 1) {
      int step = 2 * (t + 1);
      for (int off = 0; off < cell.length; off += labelCount) {
        for (int l = 0; l < labelCount; l++) {
          cell[off + l] += l * step;
        }
      }
    }
    int cells = 2 * labelCount * (t + 1);
    double[] hist = w == null ? count(cell, cells) : sum(cell, w, cells);
    return cumulate(hist, t, labelCount, perLabel);
  }

  /** 1 for a positive label (nonzero, NaN included), 0 for a zero, without a branch. */
  private static int positive(float label) {
    return 1 - (int) Math.max(1f - Math.abs(label) * HUGE * HUGE, 0f);
  }

  /** Keras's bucketed rule (see the interface), in float32 as Keras computes it. */
  private static void bucketedCells(float[] p, float[] y, float[] th, int[] cell) {
    int t = th.length;
    int lowest = th[0] < 0 || th[t - 1] > 1 ? 0 : -1; // with the epsilon ends: relu(bucket)
    float scale = (float) (t - 1);
    for (int e = 0; e < p.length; e++) {
      float v = Math.min(Math.max(p[e], 0f), 1f);
      int bucket = (int) ((float) Math.ceil(v * scale) - 1f);
      cell[e] = 2 * (Math.max(bucket, lowest) + 1) + positive(y[e]);
    }
  }

  /** One threshold: the bucket is 1 when the prediction is above it (never for NaN), else 0. */
  private static void singleThresholdCells(float[] p, float[] y, float threshold, int[] cell) {
    for (int e = 0; e < p.length; e++) {
      int above = (int) Math.min(Math.max((p[e] - threshold) * HUGE * HUGE, 0f), 1f);
      cell[e] = 2 * above + positive(y[e]);
    }
  }

  /** The number of thresholds strictly below each prediction, by binary search. */
  private static void searchedCells(float[] p, float[] y, float[] th, int[] cell) {
    for (int e = 0; e < p.length; e++) {
      cell[e] = 2 * countBelow(th, p[e]) + positive(y[e]);
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

  /** How many predictions fell in each cell, as doubles. */
  private static double[] count(int[] cell, int cells) {
    int n = cell.length;
    double[] hist = new double[cells];
    if (cells > SMALL) {
      int[] c = new int[cells];
      for (int e = 0; e < n; e++) {
        c[cell[e]]++;
      }
      for (int k = 0; k < cells; k++) {
        hist[k] = c[k];
      }
      return hist;
    }
    int[] c = new int[COPIES * cells];
    int e = 0;
    for (; e + COPIES <= n; e += COPIES) {
      c[cell[e]]++;
      c[cells + cell[e + 1]]++;
      c[2 * cells + cell[e + 2]]++;
      c[3 * cells + cell[e + 3]]++;
    }
    for (; e < n; e++) {
      c[cell[e]]++;
    }
    for (int k = 0; k < cells; k++) {
      hist[k] = (double) c[k] + c[cells + k] + c[2 * cells + k] + c[3 * cells + k];
    }
    return hist;
  }

  /** The weights of the predictions in each cell, summed in double. */
  private static double[] sum(int[] cell, float[] w, int cells) {
    int n = cell.length;
    if (cells > SMALL) {
      double[] hist = new double[cells];
      for (int e = 0; e < n; e++) {
        hist[cell[e]] += w[e];
      }
      return hist;
    }
    double[] c = new double[COPIES * cells];
    int e = 0;
    for (; e + COPIES <= n; e += COPIES) {
      c[cell[e]] += w[e];
      c[cells + cell[e + 1]] += w[e + 1];
      c[2 * cells + cell[e + 2]] += w[e + 2];
      c[3 * cells + cell[e + 3]] += w[e + 3];
    }
    for (; e < n; e++) {
      c[cell[e]] += w[e];
    }
    double[] hist = new double[cells];
    for (int k = 0; k < cells; k++) {
      hist[k] = c[k] + c[cells + k] + c[2 * cells + k] + c[3 * cells + k];
    }
    return hist;
  }

  /** tp, fp, tn, fn from the cells: threshold i is passed by the buckets above i. */
  private static Tensor[] cumulate(double[] hist, int t, int labelCount, boolean perLabel) {
    int n = t * labelCount;
    float[] tp = JvmTensors.output(n);
    float[] fp = JvmTensors.output(n);
    float[] tn = JvmTensors.output(n);
    float[] fn = JvmTensors.output(n);
    for (int l = 0; l < labelCount; l++) {
      int base = 2 * l * (t + 1);
      double totalPos = 0;
      double totalNeg = 0;
      for (int k = 0; k <= t; k++) {
        totalNeg += hist[base + 2 * k];
        totalPos += hist[base + 2 * k + 1];
      }
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

  @Override
  public Tensor keepTopK(Tensor x, int k, float fill) {
    float[] src = JvmTensors.floats(x);
    int[] shape = ShapeRefs.of(x);
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

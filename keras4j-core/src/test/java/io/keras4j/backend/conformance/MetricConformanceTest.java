package io.keras4j.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.MetricKernels;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The metric family ({@link MetricKernels}) against plain double-precision references written here:
 * confusion counts by comparing every prediction with every threshold, the top-k filter by sorting
 * each row. A backend runs this suite by overriding {@link #backend()}.
 */
class MetricConformanceTest {

  /** The backend under test. */
  protected Backend backend() {
    return Backend.current();
  }

  private MetricKernels metrics() {
    return backend().metrics();
  }

  private static final double RTOL = 1e-6;

  // ---- thresholdCounts: reference --------------------------------------------------------

  /**
   * tp, fp, tn, fn laid out [threshold][label] by comparing every (clipped when {@code clip})
   * prediction with every threshold, sums in double.
   */
  private static double[][] reference(
      float[] p, float[] y, float[] w, float[] th, int cols, boolean perLabel, boolean clip) {
    int labels = perLabel ? cols : 1;
    double[][] out = new double[4][th.length * labels];
    for (int e = 0; e < p.length; e++) {
      float v = clip ? Math.min(Math.max(p[e], 0f), 1f) : p[e];
      double weight = w == null ? 1 : w[e];
      int l = perLabel ? e % cols : 0;
      for (int i = 0; i < th.length; i++) {
        boolean predicted = v > th[i];
        boolean actual = y[e] != 0;
        int cell = predicted ? (actual ? 0 : 1) : (actual ? 3 : 2);
        out[cell][i * labels + l] += weight;
      }
    }
    return out;
  }

  private void checkCounts(
      String what,
      float[] p,
      float[] y,
      float[] w,
      int[] shape,
      float[] th,
      boolean bucketed,
      boolean perLabel) {
    int cols = shape.length == 0 ? 1 : shape[shape.length - 1];
    Tensor[] got =
        metrics()
            .thresholdCounts(
                Tensor.of(p, shape),
                Tensor.of(y, shape),
                w == null ? null : Tensor.of(w, shape),
                Tensor.of(th),
                bucketed,
                perLabel);
    double[][] expected = reference(p, y, w, th, cols, perLabel, bucketed);
    int[] outShape = perLabel ? new int[] {th.length, cols} : new int[] {th.length};
    String[] cells = {"tp", "fp", "tn", "fn"};
    assertEquals(4, got.length, what);
    for (int c = 0; c < 4; c++) {
      assertArrayEquals(outShape, got[c].shape(), what + " " + cells[c] + " shape");
      float[] a = got[c].toFloatArray();
      for (int i = 0; i < a.length; i++) {
        double e = expected[c][i];
        assertEquals(e, a[i], 1e-6 + RTOL * Math.abs(e), what + " " + cells[c] + "[" + i + "]");
      }
    }
  }

  private static float[] uniform(SplittableRandom r, int n, double lo, double hi) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return out;
  }

  private static float[] labels(SplittableRandom r, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      // Any nonzero value is a positive label.
      out[i] = r.nextInt(4) == 0 ? 0f : (r.nextBoolean() ? 1f : (r.nextBoolean() ? 2f : -0.5f));
    }
    return out;
  }

  private static final int[][] SHAPES = {{0}, {1}, {}, {7}, {33}, {5, 3}, {4, 1}, {2, 3, 5}};

  @Test
  void countsByComparisonMatchTheReference() {
    SplittableRandom r = new SplittableRandom(1);
    float[][] thresholdSets = {
      {0.5f}, {0f, 0.3f, 0.3f, 0.9f}, {0f, 1f}, sortedUniform(r, 17), {-1e-7f, 0.25f, 1.0000001f}
    };
    for (int[] shape : SHAPES) {
      int n = (int) Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
      for (float[] th : thresholdSets) {
        float[] p = uniform(r, n, -0.2, 1.2);
        if (n > 2) {
          p[0] = th[0]; // on a threshold: not above it
          p[1] = Float.NaN; // above no threshold
        }
        float[] y = labels(r, n);
        float[] w = uniform(r, n, 0, 2);
        for (boolean perLabel : new boolean[] {false, true}) {
          String what = Arrays.toString(shape) + " thresholds " + Arrays.toString(th);
          checkCounts(what + " unweighted", p, y, null, shape, th, false, perLabel);
          checkCounts(what + " weighted", p, y, w, shape, th, false, perLabel);
        }
      }
    }
  }

  private static float[] sortedUniform(SplittableRandom r, int n) {
    float[] t = uniform(r, n, 0, 1);
    Arrays.sort(t);
    return t;
  }

  /** Evenly spaced thresholds as Keras's AUC makes them, with or without the epsilon ends. */
  private static float[] even(int n, boolean withEpsilon) {
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      t[i] = (float) (i / (double) (n - 1));
    }
    if (withEpsilon) {
      t[0] = -1e-7f;
      t[n - 1] = (float) (1 + 1e-7);
    }
    return t;
  }

  @Test
  void bucketedCountsMatchTheComparisonOfClippedPredictionsAwayFromTheEdges() {
    SplittableRandom r = new SplittableRandom(2);
    for (float[] th : new float[][] {even(3, false), even(11, false), even(200, true)}) {
      for (int[] shape : SHAPES) {
        int n = (int) Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        float[] p = uniform(r, n, -0.3, 1.3);
        for (int i = 0; i < n; i++) {
          // Keep off the bucket edges, where the float32 bucket arithmetic decides.
          double scaled = Math.min(Math.max(p[i], 0), 1) * (th.length - 1);
          if (p[i] > 0 && p[i] < 1 && Math.abs(scaled - Math.rint(scaled)) < 1e-3) {
            p[i] = (float) ((Math.rint(scaled) + 0.5) / (th.length - 1));
          }
        }
        float[] y = labels(r, n);
        float[] w = uniform(r, n, 0, 3);
        for (boolean perLabel : new boolean[] {false, true}) {
          String what = Arrays.toString(shape) + " " + th.length + " even thresholds";
          checkCounts(what, p, y, null, shape, th, true, perLabel);
          checkCounts(what + " weighted", p, y, w, shape, th, true, perLabel);
        }
      }
    }
  }

  @Test
  void bucketedCountsAtTheEdgesFollowKeras() {
    // Thresholds [0, 0.5, 1]: 0 is above none; 0.5 only above 0; 1 and 1.5 (clipped to 1) above
    // 0 and 0.5, but not above 1; -0.2 (clipped to 0) above none.
    float[] p = {0f, 0.5f, 1f, 1.5f, -0.2f};
    float[] y = {1, 1, 1, 1, 1};
    Tensor[] c =
        metrics()
            .thresholdCounts(
                Tensor.of(p), Tensor.of(y), null, Tensor.of(even(3, false)), true, false);
    assertArrayEquals(new float[] {3, 2, 0}, c[0].toFloatArray(), "tp");
    assertArrayEquals(new float[] {2, 3, 5}, c[3].toFloatArray(), "fn");
    // With the epsilon ends [-1e-7, 0.5, 1 + 1e-7], 0 and -0.2 are above the first threshold;
    // 1.5 still counts as 1, below 1 + 1e-7. NaN takes the lowest bucket, as in Keras.
    float[] p2 = {0f, 0.5f, 1f, 1.5f, -0.2f, Float.NaN};
    float[] y2 = {1, 0, 1, 0, 1, 0};
    Tensor[] c2 =
        metrics()
            .thresholdCounts(
                Tensor.of(p2), Tensor.of(y2), null, Tensor.of(even(3, true)), true, false);
    assertArrayEquals(new float[] {3, 1, 0}, c2[0].toFloatArray(), "tp with epsilon");
    assertArrayEquals(new float[] {3, 1, 0}, c2[1].toFloatArray(), "fp with epsilon");
    assertArrayEquals(new float[] {0, 2, 3}, c2[2].toFloatArray(), "tn with epsilon");
    assertArrayEquals(new float[] {0, 2, 3}, c2[3].toFloatArray(), "fn with epsilon");
  }

  @Test
  void countsAtTheEdgesOfFloat32() {
    // Predictions one ulp either side of the threshold, on it, infinite, NaN, signed zeros and the
    // smallest subnormal; labels zero, negative zero, subnormal, NaN, infinite: each is compared
    // as the reference compares (p > t, y != 0), on the single-threshold and search paths.
    float[] special = {
      Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE
    };
    float[] labelValues = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.NaN, 1f, -3f};
    for (float[] th : new float[][] {{0f}, {0.5f}, {-1e10f}, {0f, 0.5f, 1f}, {0.25f, 0.5f}}) {
      float[] p = new float[special.length + 3 * th.length];
      System.arraycopy(special, 0, p, 0, special.length);
      for (int i = 0; i < th.length; i++) {
        p[special.length + 3 * i] = th[i];
        p[special.length + 3 * i + 1] = Math.nextUp(th[i]);
        p[special.length + 3 * i + 2] = Math.nextDown(th[i]);
      }
      // Every prediction with every label.
      int n = p.length * labelValues.length;
      float[] pp = new float[n];
      float[] yy = new float[n];
      for (int i = 0; i < p.length; i++) {
        for (int j = 0; j < labelValues.length; j++) {
          pp[i * labelValues.length + j] = p[i];
          yy[i * labelValues.length + j] = labelValues[j];
        }
      }
      String what = "float32 edges, thresholds " + Arrays.toString(th);
      checkCounts(what, pp, yy, null, new int[] {n}, th, false, false);
      checkCounts(
          what + " per label",
          pp,
          yy,
          null,
          new int[] {p.length, labelValues.length},
          th,
          false,
          true);
    }
  }

  @Test
  void bucketedLabelsAtTheEdgesOfFloat32() {
    float[] labelValues = {0f, -0f, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 2f};
    float[] p = {0.1f, 0.3f, 0.6f, 0.9f, 0.6f, 0.1f};
    for (float[] th : new float[][] {even(3, false), even(200, true)}) {
      checkCounts("bucketed labels", p, labelValues, null, new int[] {6}, th, true, false);
    }
  }

  @Test
  void countsReadInt32LabelsAndSumInDoublePrecision() {
    // One weight of 1e8 then 64 of 1: float32 running sums stay at 1e8 (its ulp is 8), double
    // sums reach 100000064, a float32 value.
    int n = 65;
    float[] p = new float[n];
    Arrays.fill(p, 0.9f);
    float[] w = new float[n];
    Arrays.fill(w, 1f);
    w[0] = 1e8f;
    int[] y = new int[n];
    Arrays.fill(y, 1);
    Tensor[] c =
        metrics()
            .thresholdCounts(
                Tensor.of(p, n),
                Tensor.ofInts(y, n),
                Tensor.of(w, n),
                Tensor.of(new float[] {0.5f}),
                false,
                false);
    assertEquals(100000064f, c[0].toFloatArray()[0], "tp");
    assertEquals(0f, c[3].toFloatArray()[0], "fn");
  }

  // ---- keepTopK ----------------------------------------------------------------------------

  private static float[] referenceTopK(float[] x, int cols, int k, float fill) {
    float[] out = new float[x.length];
    for (int off = 0; off < x.length; off += cols) {
      final int o = off;
      Integer[] idx = IntStream.range(0, cols).boxed().toArray(Integer[]::new);
      // Largest first; the earlier index first among equal values.
      Arrays.sort(idx, Comparator.comparingDouble((Integer j) -> -x[o + j]));
      Arrays.fill(out, off, off + cols, fill);
      for (int r = 0; r < Math.min(k, cols); r++) {
        out[off + idx[r]] = x[off + idx[r]];
      }
    }
    return out;
  }

  @Test
  void keepTopKMatchesSortingEachRow() {
    SplittableRandom r = new SplittableRandom(3);
    int[][] shapes = {{4, 5}, {3, 1}, {0, 3}, {7}, {2, 3, 9}, {6, 17}};
    for (int[] shape : shapes) {
      int n = (int) Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
      int cols = shape[shape.length - 1];
      float[] x = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = r.nextInt(5) == 0 ? 0.5f : (float) r.nextDouble(); // some ties
      }
      for (int k : new int[] {1, 2, 3, cols, cols + 2}) {
        if (k < 1) {
          continue;
        }
        Tensor got = metrics().keepTopK(Tensor.of(x, shape), k, -1e10f);
        assertArrayEquals(shape, got.shape(), "shape " + Arrays.toString(shape));
        assertArrayEquals(
            referenceTopK(x, cols, k, -1e10f),
            got.toFloatArray(),
            "top " + k + " of " + Arrays.toString(shape));
      }
    }
  }

  @Test
  void keepTopKBreaksTiesByIndexAndReadsInt32() {
    Tensor got = metrics().keepTopK(Tensor.ofInts(new int[] {3, 5, 5, 1, 5, 2}, 2, 3), 2, -7f);
    assertArrayEquals(new float[] {-7, 5, 5, -7, 5, 2}, got.toFloatArray());
    Tensor scalar = metrics().keepTopK(Tensor.scalar(4f), 1, 0f);
    assertEquals(0, scalar.rank());
    assertEquals(4f, scalar.item());
  }
}

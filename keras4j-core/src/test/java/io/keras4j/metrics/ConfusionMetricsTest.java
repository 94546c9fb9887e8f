package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TruePositives ... FalseNegatives, Precision and Recall. Docstring numbers are Keras's outputs;
 * the others come from metrics_reference.py (numpy comparisons {@code y_pred > threshold} in
 * float32).
 */
class ConfusionMetricsTest {
  private static final Tolerance TOL = Tolerance.absOrRel(1e-6, 1e-5);

  // Y1/P1/W1 and Y2/P2/W2 of metrics_reference.py: two batches.
  static final Tensor Y1 = Tensor.of(1f, 0f, 1f, 1f, 0f, 0f, 1f, 0f);
  static final Tensor P1 = Tensor.of(0.81f, 0.35f, 0.42f, 0.97f, 0.06f, 0.64f, 0.28f, 0.5f);
  static final Tensor W1 = Tensor.of(1.0f, 2.0f, 0.5f, 1.5f, 1.0f, 0.0f, 2.0f, 1.0f);
  static final Tensor Y2 = Tensor.of(0f, 1f, 1f, 0f, 1f, 0f);
  static final Tensor P2 = Tensor.of(0.42f, 0.73f, 0.0f, 0.91f, 1.0f, 0.15f);
  static final Tensor W2 = Tensor.of(0.5f, 1.0f, 1.0f, 2.0f, 1.5f, 1.0f);

  static void stream(Metric m, boolean weighted) {
    m.updateState(Y1, P1, weighted ? W1 : null);
    m.updateState(Y2, P2, weighted ? W2 : null);
  }

  private static void assertVector(String what, double[] expected, Metric m) {
    Closeness.assertClose(what, new int[] {expected.length}, expected, m.result(), TOL);
  }

  private static void assertScalar(double expected, Metric m) {
    Closeness.assertClose(m.name(), new int[0], new double[] {expected}, m.result(), TOL);
  }

  @Test
  void countDocstrings() {
    Tensor w = Tensor.of(0f, 0f, 1f, 0f);
    FalsePositives fp = new FalsePositives();
    fp.updateState(Tensor.of(0f, 1f, 0f, 0f), Tensor.of(0f, 0f, 1f, 1f));
    assertScalar(2, fp);
    fp.resetState();
    fp.updateState(Tensor.of(0f, 1f, 0f, 0f), Tensor.of(0f, 0f, 1f, 1f), w);
    assertScalar(1, fp);
    FalseNegatives fn = new FalseNegatives();
    fn.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(0f, 1f, 0f, 0f));
    assertScalar(2, fn);
    fn.resetState();
    fn.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(0f, 1f, 0f, 0f), w);
    assertScalar(1, fn);
    TrueNegatives tn = new TrueNegatives();
    tn.updateState(Tensor.of(0f, 1f, 0f, 0f), Tensor.of(1f, 1f, 0f, 0f));
    assertScalar(2, tn);
    tn.resetState();
    tn.updateState(Tensor.of(0f, 1f, 0f, 0f), Tensor.of(1f, 1f, 0f, 0f), w);
    assertScalar(1, tn);
    TruePositives tp = new TruePositives();
    tp.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(1f, 0f, 1f, 1f));
    assertScalar(2, tp);
    tp.resetState();
    tp.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(1f, 0f, 1f, 1f), w);
    assertScalar(1, tp);
  }

  @Test
  void countsAtSeveralThresholdsOverTwoBatches() {
    double[] t = {0.3, 0.5, 0.9};
    Metric[] m = {
      new TruePositives().thresholds(t),
      new FalsePositives().thresholds(t),
      new TrueNegatives().thresholds(t),
      new FalseNegatives().thresholds(t)
    };
    double[][] plain = {{5, 4, 2}, {5, 2, 1}, {2, 5, 6}, {2, 3, 5}};
    double[][] weighted = {{5.5, 5, 3}, {5.5, 2, 2}, {2, 5.5, 5.5}, {3, 3.5, 5.5}};
    for (int i = 0; i < m.length; i++) {
      stream(m[i], false);
      assertVector(m[i].className(), plain[i], m[i]);
      m[i].resetState();
      stream(m[i], true);
      assertVector(m[i].className() + " weighted", weighted[i], m[i]);
    }
  }

  @Test
  void thresholdOrderIsKept() {
    // Unsorted thresholds give results in the order given: tp at [0.9, 0.3] = [2, 5].
    TruePositives tp = new TruePositives().thresholds(0.9, 0.3);
    stream(tp, false);
    assertVector("tp", new double[] {2, 5}, tp);
    assertArrayEquals(new double[] {0.9, 0.3}, tp.thresholds());
  }

  @Test
  void precisionAndRecallDocstrings() {
    Precision p = new Precision();
    p.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(1f, 0f, 1f, 1f));
    assertScalar(0.6666667, p);
    p.resetState();
    p.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(1f, 0f, 1f, 1f), Tensor.of(0f, 0f, 1f, 0f));
    assertScalar(1.0, p);
    Precision top2 = new Precision().topK(2);
    top2.updateState(Tensor.of(0f, 0f, 1f, 1f), Tensor.of(1f, 1f, 1f, 1f));
    assertScalar(0.0, top2);
    Precision top4 = new Precision().topK(4);
    top4.updateState(Tensor.of(0f, 0f, 1f, 1f), Tensor.of(1f, 1f, 1f, 1f));
    assertScalar(0.5, top4);
    Recall r = new Recall();
    r.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(1f, 0f, 1f, 1f));
    assertScalar(0.6666667, r);
    r.resetState();
    r.updateState(Tensor.of(0f, 1f, 1f, 1f), Tensor.of(1f, 0f, 1f, 1f), Tensor.of(0f, 0f, 1f, 0f));
    assertScalar(1.0, r);
  }

  @Test
  void precisionAndRecallAtSeveralThresholds() {
    Precision p = new Precision().thresholds(0.3, 0.5, 0.9);
    Recall r = new Recall().thresholds(0.3, 0.5, 0.9);
    stream(p, true);
    stream(r, true);
    assertVector("precision_w", new double[] {0.5, 0.71428571, 0.6}, p);
    assertVector("recall_w", new double[] {0.64705882, 0.58823529, 0.35294118}, r);
    // Evenly spaced thresholds take Keras's bucketed update; same counts away from the edges.
    Precision pe = new Precision().thresholds(0, 0.5, 1);
    Recall re = new Recall().thresholds(0, 0.5, 1);
    stream(pe, false);
    stream(re, false);
    assertVector("precision_even", new double[] {0.46153846, 0.66666667, 0}, pe);
    assertVector("recall_even", new double[] {0.85714286, 0.57142857, 0}, re);
  }

  // MY/MP of metrics_reference.py: multi-label rows, two batches of (3, 3).
  static final Tensor MY1 = Tensor.of(new float[][] {{1, 0, 1}, {0, 1, 0}, {1, 1, 0}});
  static final Tensor MP1 =
      Tensor.of(new float[][] {{0.9f, 0.2f, 0.6f}, {0.3f, 0.8f, 0.1f}, {0.7f, 0.4f, 0.45f}});
  static final Tensor MY2 = Tensor.of(new float[][] {{0, 0, 1}, {1, 1, 0}, {0, 1, 1}});
  static final Tensor MP2 =
      Tensor.of(new float[][] {{0.1f, 0.55f, 0.35f}, {0.6f, 0.3f, 0.2f}, {0.5f, 0.65f, 0.95f}});
  static final Tensor MW1 = Tensor.of(1.0f, 0.5f, 2.0f);
  static final Tensor MW2 = Tensor.of(1.5f, 1.0f, 0.0f);

  static void streamMulti(Metric m, boolean weighted) {
    m.updateState(MY1, MP1, weighted ? MW1 : null);
    m.updateState(MY2, MP2, weighted ? MW2 : null);
  }

  @Test
  void topKAndClassId() {
    Precision top2 = new Precision().topK(2);
    Recall rtop2 = new Recall().topK(2);
    Precision top2t = new Precision().topK(2).thresholds(0.5);
    Precision class1 = new Precision().classId(1);
    Recall rclass1 = new Recall().classId(1);
    Precision top1class1 = new Precision().topK(1).classId(1);
    for (Metric m : List.of(top2, rtop2, top2t, top1class1)) {
      streamMulti(m, false);
    }
    streamMulti(class1, true);
    streamMulti(rclass1, true);
    assertScalar(0.75, top2);
    assertScalar(0.9, rtop2);
    assertScalar(0.875, top2t);
    assertScalar(0.25, class1);
    assertScalar(0.14285714, rclass1);
    assertScalar(0.5, top1class1);
  }

  @Test
  void sampleWeightShapes() {
    // Per-element weights (3, 3) equal to the per-row weights broadcast give the same counts.
    TruePositives rowsW = new TruePositives();
    TruePositives elemW = new TruePositives();
    rowsW.updateState(MY1, MP1, MW1);
    elemW.updateState(
        MY1, MP1, Tensor.of(new float[][] {{1, 1, 1}, {0.5f, 0.5f, 0.5f}, {2, 2, 2}}));
    // Positives above 0.5 in MY1/MP1: (0,0) 0.9 w1, (0,2) 0.6 w1, (1,1) 0.8 w0.5, (2,0) 0.7 w2.
    assertScalar(4.5, rowsW);
    assertScalar(4.5, elemW);
    // A scalar weight scales every element; weights (N, 1) act per row.
    TruePositives scalar = new TruePositives();
    scalar.updateState(MY1, MP1, Tensor.scalar(2f));
    assertScalar(8, scalar);
    TruePositives column = new TruePositives();
    column.updateState(MY1, MP1, Tensor.of(new float[] {1, 0.5f, 2}, 3, 1));
    assertScalar(4.5, column);
  }

  @Test
  void masksAreIgnoredAsInKeras() {
    // Keras's confusion metrics never read the mask of y_pred: tp at 0.5 of batch 1 is 2
    // (0.81 and 0.97) with or without a mask.
    TruePositives tp = new TruePositives();
    tp.updateState(Y1, P1, null, Tensor.of(0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f));
    assertScalar(2, tp);
    assertEquals("<TruePositives name=" + tp.name() + ">", tp.toString());
  }

  @Test
  void badArguments() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new Precision().thresholds(0.5, 1.5));
    assertEquals(
        "Precision: threshold values must be in [0, 1]. Received: [1.5] in thresholds=[0.5, 1.5]",
        e.getMessage());
    var e2 =
        assertThrows(IllegalArgumentException.class, () -> new TruePositives().thresholds(-0.1));
    assertEquals(
        "TruePositives: threshold values must be in [0, 1]. Received: [-0.1] in thresholds=[-0.1]",
        e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> new Recall().topK(0));
    assertEquals("Recall: topK must be a positive integer. Received: topK=0", e3.getMessage());
    var e4 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Precision().classId(1).updateState(Tensor.of(1f, 0f), Tensor.of(1f, 0f)));
    assertEquals(
        "Precision: when classId is given, y_pred must have shape (num_samples, num_classes)."
            + " Received: y_pred.shape=(2,)",
        e4.getMessage());
    var e5 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Recall().updateState(Tensor.of(1f, 0f, 1f), Tensor.of(1f, 0f)));
    assertEquals(
        "Recall: y_true and y_pred must have the same shape. Received: y_true.shape=(3,),"
            + " y_pred.shape=(2,)",
        e5.getMessage());
    var e6 =
        assertThrows(
            IllegalArgumentException.class, () -> new Precision().classId(3).updateState(MY1, MP1));
    assertEquals(
        "Precision: classId must be in [0, 3) for y_pred.shape=(3, 3). Received: classId=3",
        e6.getMessage());
  }
}

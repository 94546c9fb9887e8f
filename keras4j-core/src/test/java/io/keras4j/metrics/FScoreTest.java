package io.keras4j.metrics;

import static io.keras4j.metrics.ConfusionMetricsTest.streamMulti;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * F1Score and FBetaScore: Keras's docstring example and the "F-scores" section of
 * metrics_reference.py (MY/MP of the confusion tests, two batches).
 */
class FScoreTest {
  private static final Tolerance TOL = Tolerance.absOrRel(1e-6, 1e-5);

  private static void check(String what, double[] expected, Metric m) {
    int[] shape = expected.length == 1 ? new int[0] : new int[] {expected.length};
    Closeness.assertClose(what, shape, expected, m.result(), TOL);
  }

  @Test
  void docstringExample() {
    F1Score m = new F1Score().threshold(0.5);
    m.updateState(
        Tensor.ofInts(new int[][] {{1, 1, 1}, {1, 0, 0}, {1, 1, 0}}),
        Tensor.of(new float[][] {{0.2f, 0.6f, 0.7f}, {0.2f, 0.6f, 0.6f}, {0.6f, 0.8f, 0}}));
    check("f1 docstring", new double[] {0.5, 0.8, 0.6666667}, m);
    assertEquals("f1_score", m.name());
    assertFalse(m.getConfig().containsKey("beta"));
  }

  @Test
  void averagesMatchNumpy() {
    String[] averages = {null, "micro", "macro", "weighted"};
    double[][] argmax = {
      {0.99999992, 0.33333328, 0.49999994}, {0.62499995}, {0.61111104}, {0.58333326}
    };
    double[][] thresholdWeighted = {
      {0.99999993, 0.18181813, 0.5714285}, {0.64705877}, {0.58441552}, {0.60649343}
    };
    for (int i = 0; i < averages.length; i++) {
      F1Score a = new F1Score().average(averages[i]);
      streamMulti(a, false);
      check("f1 argmax " + averages[i], argmax[i], a);
      F1Score t = new F1Score().average(averages[i]).threshold(0.5);
      streamMulti(t, true);
      check("f1 threshold 0.5 weighted " + averages[i], thresholdWeighted[i], t);
      t.resetState();
      streamMulti(t, true);
      check("after reset " + averages[i], thresholdWeighted[i], t);
    }
    FBetaScore f2 = new FBetaScore().beta(2.0).threshold(0.5).average("macro");
    streamMulti(f2, false);
    check("f2 macro", new double[] {0.74686713}, f2);
    FBetaScore f05 = new FBetaScore().beta(0.5);
    streamMulti(f05, true);
    check("f0.5 argmax weighted", new double[] {0.9999999, 0.21739119, 0}, f05);
  }

  @Test
  void allZeroRowsPredictNothing() {
    // Without a threshold, a row of zeros is no prediction (|x| > 1e-9): tp 0, fn 1 for class 0.
    F1Score m = new F1Score().average("micro");
    m.updateState(Tensor.of(new float[][] {{1, 0}}), Tensor.of(new float[][] {{0, 0}}));
    check("zero row", new double[] {0}, m);
  }

  @Test
  void badArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new F1Score().average("samples"));
    assertEquals(
        "F1Score: average must be one of null, \"micro\", \"macro\", \"weighted\". Received:"
            + " average=samples",
        e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> new FBetaScore().beta(0));
    assertEquals(
        "FBetaScore: beta must be a finite number > 0. Received: beta=0.0", e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> new F1Score().threshold(0));
    assertEquals(
        "F1Score: threshold must verify 0 < threshold <= 1. Received: threshold=0.0",
        e3.getMessage());
    var e4 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new F1Score().updateState(Tensor.of(1f, 0f), Tensor.of(1f, 0f)));
    assertEquals(
        "F1Score expects 2D inputs of the same shape (batch_size, output_dim). Received:"
            + " y_pred.shape=(2,) and y_true.shape=(2,)",
        e4.getMessage());
    var e5 = assertThrows(IllegalArgumentException.class, () -> new F1Score().beta(2));
    assertEquals(
        "F1Score: beta is always 1; use FBetaScore for another beta. Received: beta=2.0",
        e5.getMessage());
  }
}

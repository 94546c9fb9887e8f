package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import io.keras4j.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Error metrics and R2Score. Docstring numbers are Keras's own outputs; the others come from
 * metrics_reference.py (numpy, Keras's formulas), section by section.
 */
class RegressionMetricsTest {
  private static final Tolerance TOL = Tolerance.absOrRel(1e-6, 1e-5);

  private static Tensor rows(float[][] r) {
    return Tensor.of(r);
  }

  private static void assertScalar(double expected, Metric m) {
    Closeness.assertClose(m.name(), new int[0], new double[] {expected}, m.result(), TOL);
  }

  private static final Tensor DOC_TRUE = rows(new float[][] {{0, 1}, {0, 0}});
  private static final Tensor DOC_PRED = rows(new float[][] {{1, 1}, {0, 0}});
  private static final Tensor DOC_W = Tensor.of(1f, 0f);

  @Test
  void docstringExamples() {
    Metric mse = new MeanSquaredError();
    mse.updateState(DOC_TRUE, DOC_PRED);
    assertScalar(0.25, mse);
    Metric mae = new MeanAbsoluteError();
    mae.updateState(DOC_TRUE, DOC_PRED);
    assertScalar(0.25, mae);
    mae.resetState();
    mae.updateState(DOC_TRUE, DOC_PRED, DOC_W);
    assertScalar(0.5, mae);
    Metric mape = new MeanAbsolutePercentageError();
    mape.updateState(DOC_TRUE, DOC_PRED);
    assertScalar(250000000.0, mape);
    mape.resetState();
    mape.updateState(DOC_TRUE, DOC_PRED, DOC_W);
    assertScalar(500000000.0, mape);
    Metric msle = new MeanSquaredLogarithmicError();
    msle.updateState(DOC_TRUE, DOC_PRED);
    assertScalar(0.12011322, msle);
    msle.resetState();
    msle.updateState(DOC_TRUE, DOC_PRED, DOC_W);
    assertScalar(0.24022643, msle);
    Metric rmse = new RootMeanSquaredError();
    rmse.updateState(DOC_TRUE, DOC_PRED);
    assertScalar(0.5, rmse);
    rmse.resetState();
    rmse.updateState(DOC_TRUE, DOC_PRED, DOC_W);
    assertScalar(0.70710677, rmse);
    assertEquals("down", rmse.direction());
  }

  // Section "Regression metrics" of metrics_reference.py: A1/B1 (2, 3), A2/B2 (1, 3).
  private static final Tensor A1 = rows(new float[][] {{1, 2, 3}, {0.5f, -1, 2}});
  private static final Tensor B1 = rows(new float[][] {{1.5f, 1, 3.5f}, {0, -0.5f, 4}});
  private static final Tensor A2 = rows(new float[][] {{2, 0.2f, 1}});
  private static final Tensor B2 = rows(new float[][] {{1, 0.4f, 2.5f}});

  private static void stream(Metric m, boolean weighted) {
    m.updateState(A1, B1, weighted ? Tensor.of(1f, 3f) : null);
    m.updateState(A2, B2, weighted ? Tensor.of(2f) : null);
  }

  @Test
  void streamedErrorsMatchNumpy() {
    double[][] expected = {
      {1.03222222, 1.19888889}, // mse, mse_w
      {0.85555556, 0.91111111}, // mae
      {74.07407407, 81.48148148}, // mape
      {0.12830519, 0.13926502}, // msle
      {1.01598338, 1.09493785} // rmse
    };
    Metric[] metrics = {
      new MeanSquaredError(),
      new MeanAbsoluteError(),
      new MeanAbsolutePercentageError(),
      new MeanSquaredLogarithmicError(),
      new RootMeanSquaredError()
    };
    for (int i = 0; i < metrics.length; i++) {
      stream(metrics[i], false);
      assertScalar(expected[i][0], metrics[i]);
      metrics[i].resetState();
      stream(metrics[i], true);
      assertScalar(expected[i][1], metrics[i]);
    }
  }

  @Test
  void perTimestepWeights() {
    // mse_timesteps_w: (2, 2, 2) inputs, the error averaged over the last axis, weights (2, 2).
    Tensor a = Tensor.of(new float[] {1, 2, 0, 1, 3, 1, 2, 2}, 2, 2, 2);
    Tensor b = Tensor.of(new float[] {0, 2, 1, 3, 1, 1, 2, 0}, 2, 2, 2);
    Metric m = new MeanSquaredError();
    m.updateState(a, b, rows(new float[][] {{1, 0}, {2, 0.5f}}));
    assertScalar(1.57142857, m);
  }

  @Test
  void oneDimensionalInputsAreOneSampleAsInKeras() {
    // mean(..., axis=-1) of (N,) inputs is a scalar: Keras counts the batch as one sample.
    // Batch 1: mean([1, 0]) = 0.5; batch 2: mean([4, 4, 4, 4]) = 4 -> (0.5 + 4) / 2.
    Metric m = new MeanSquaredError();
    m.updateState(Tensor.of(1f, 2f), Tensor.of(0f, 2f));
    m.updateState(Tensor.of(0f, 0f, 0f, 0f), Tensor.of(2f, 2f, -2f, 2f));
    assertScalar(2.25, m);
  }

  @Test
  void r2DocstringAndAggregations() {
    R2Score doc = new R2Score();
    doc.updateState(Tensor.of(new float[] {1, 4, 3}, 3, 1), Tensor.of(new float[] {2, 4, 4}, 3, 1));
    assertScalar(0.57142854, doc);

    // Section "R2" of metrics_reference.py: two batches of (3, 2).
    Tensor y1 = rows(new float[][] {{1, 2}, {2.5f, 0.5f}, {4, 1}});
    Tensor p1 = rows(new float[][] {{1.2f, 1.5f}, {2, 1}, {3.5f, 1.5f}});
    Tensor y2 = rows(new float[][] {{3, 3}, {0.5f, 2.5f}, {2, 0}});
    Tensor p2 = rows(new float[][] {{2.6f, 2}, {1, 2}, {2.2f, 0.5f}});
    R2Score none = new R2Score().classAggregation(null);
    R2Score uniform = new R2Score();
    R2Score variance = new R2Score().classAggregation("variance_weighted_average");
    R2Score adjusted = new R2Score().numRegressors(2);
    for (R2Score m : new R2Score[] {none, uniform, variance, adjusted}) {
      m.updateState(y1, p1);
      m.updateState(y2, p2);
    }
    Closeness.assertClose(
        "r2_raw", new int[] {2}, new double[] {0.8812, 0.67857143}, none.result(), TOL);
    assertScalar(0.77988571, uniform);
    assertScalar(0.78869565, variance);
    assertScalar(0.63314286, adjusted);

    R2Score weighted = new R2Score();
    R2Score weightedAdjusted = new R2Score().numRegressors(1);
    for (R2Score m : new R2Score[] {weighted, weightedAdjusted}) {
      m.updateState(y1, p1, Tensor.of(1f, 2f, 0.5f));
      m.updateState(y2, p2, Tensor.of(1f, 0f, 1.5f));
    }
    assertScalar(0.72288857, weighted);
    assertScalar(0.63051809, weightedAdjusted); // n = 5 samples with a nonzero weight
    weighted.resetState();
    weighted.updateState(y1, p1);
    weighted.updateState(y2, p2);
    assertScalar(0.77988571, weighted);
  }

  @Test
  void r2FallsBackWhenTooFewSamples() {
    // 3 samples, 5 regressors: Keras warns and returns the plain R2 (0.57142854 as above).
    R2Score m = new R2Score().numRegressors(5);
    m.updateState(Tensor.of(new float[] {1, 4, 3}, 3, 1), Tensor.of(new float[] {2, 4, 4}, 3, 1));
    try (LogCapture log = LogCapture.of(R2Score.class)) {
      assertScalar(0.57142854, m);
      assertEquals(
          List.of(
              "WARNING: More independent predictors than datapoints in adjusted R2 score. Falling"
                  + " back to standard R2 score."),
          log.messages());
    }
  }

  @Test
  void r2BadArguments() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new R2Score().classAggregation("median"));
    assertEquals(
        "R2Score: classAggregation must be one of null, \"uniform_average\","
            + " \"variance_weighted_average\". Received: classAggregation=median",
        e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> new R2Score().numRegressors(-1));
    assertEquals(
        "R2Score: numRegressors must be >= 0. Received: numRegressors=-1", e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> new R2Score().updateState(Tensor.of(1f, 2f), Tensor.of(1f, 2f)));
    assertEquals(
        "R2Score expects 2D inputs of the same shape (batch_size, output_dim). Received:"
            + " y_pred.shape=(2,) and y_true.shape=(2,)",
        e3.getMessage());
    assertArrayEquals(new int[] {0}, ShapeRefs.of(new R2Score().classAggregation(null).result()));
  }
}

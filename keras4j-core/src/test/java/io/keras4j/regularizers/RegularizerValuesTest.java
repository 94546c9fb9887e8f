package io.keras4j.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.ops.GradientTape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Exact penalties on small tensors, their gradients, and argument validation. */
class RegularizerValuesTest {
  /** sum |w| = 10, sum w^2 = 30. */
  private static final Tensor W = Tensor.of(new float[][] {{1, -2}, {3, -4}});

  @Test
  void l1AndL2() {
    assertEquals(0.1f, Regularizers.l1(0.01).apply(W).item(), 1e-7f);
    assertEquals(0.3f, Regularizers.l2(0.01).apply(W).item(), 1e-7f);
    assertEquals(0.1f, new L1().apply(W).item(), 1e-7f);
    assertEquals(0.3f, new L2().apply(W).item(), 1e-7f);
    assertEquals(0, Regularizers.l1(0.5).apply(W).rank(), "a scalar");
  }

  @Test
  void kerasDocstringExamples() {
    // Dense(5, input_dim=5, kernel_initializer="ones", kernel_regularizer=L1(0.01)) -> 0.25.
    assertEquals(0.25f, new L1(0.01).apply(Tensor.ones(5, 5)).item(), 1e-7f);
    // L2Regularizer(l2=0.5) on the same kernel -> 12.5.
    assertEquals(12.5f, new L2(0.5).apply(Tensor.ones(5, 5)).item(), 1e-6f);
  }

  @Test
  void l1l2AddsBothAndSkipsZeroFactors() {
    assertEquals(7f, Regularizers.l1L2(0.1, 0.2).apply(W).item(), 1e-6f);
    assertEquals(0f, new L1L2().apply(W).item());
    assertEquals(3f, new L1L2(0, 0.1).apply(W).item(), 1e-6f);
  }

  @Test
  void gradientsOfL1AndL2() {
    try (GradientTape tape = new GradientTape()) {
      tape.watch(W);
      Tensor loss = Regularizers.l1L2(0.1, 0.2).apply(W);
      Tensor g = tape.gradient(loss, List.of(W)).get(0);
      // l1 sign(w) + 2 l2 w.
      assertArrayEquals(new float[] {0.5f, -0.9f, 1.3f, -1.7f}, g.toFloatArray(), 1e-6f);
    }
  }

  @Test
  void orthogonalRowsHandWorked() {
    // Rows [1, 0] and [1, 1]/sqrt2: one pair with |cos| = 1/sqrt2; 0.5 * 2 / sqrt2 / 1 pair.
    Tensor w = Tensor.of(new float[][] {{1, 0}, {1, 1}});
    float expected = (float) (0.01 * 0.5 * 2 / Math.sqrt(2));
    assertEquals(expected, Regularizers.orthogonal(0.01, "rows").apply(w).item(), 1e-8f);
    // Columns [1, 1]/sqrt2 and [0, 1]: also 1/sqrt2.
    assertEquals(expected, Regularizers.orthogonal(0.01, "columns").apply(w).item(), 1e-8f);
    // Orthogonal rows cost nothing.
    assertEquals(
        0f, Regularizers.orthogonal().apply(Tensor.of(new float[][] {{2, 0}, {0, 3}})).item());
  }

  @Test
  void orthogonalMatchesKerasTestFormula() {
    // As Keras's regularizers_test: random 4x4, rows mode, factor 0.1; and columns on 3x5.
    SplittableRandom rng = new SplittableRandom(3);
    for (String mode : List.of("rows", "columns")) {
      int rows = mode.equals("rows") ? 4 : 3;
      int cols = mode.equals("rows") ? 4 : 5;
      double[][] v = new double[rows][cols];
      float[] flat = new float[rows * cols];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          flat[i * cols + j] = (float) rng.nextDouble();
          v[i][j] = flat[i * cols + j];
        }
      }
      double expected = referenceOrthogonal(v, 0.1, mode.equals("rows"));
      float actual = new OrthogonalRegularizer(0.1, mode).apply(Tensor.of(flat, rows, cols)).item();
      assertEquals(expected, actual, 1e-6, mode);
    }
  }

  @Test
  void orthogonalGradientMatchesFiniteDifferences() {
    float[] v = {0.3f, -1.2f, 0.9f, 0.45f, 1.7f, 0.2f, -0.4f, 0.95f, -0.6f};
    Regularizer r = new OrthogonalRegularizer(0.5, "rows");
    Tensor w = Tensor.of(v, 3, 3);
    float[] g;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(w);
      g = tape.gradient(r.apply(w), List.of(w)).get(0).toFloatArray();
    }
    double h = 1e-2;
    for (int i = 0; i < v.length; i++) {
      float[] plus = v.clone();
      float[] minus = v.clone();
      plus[i] += (float) h;
      minus[i] -= (float) h;
      double numeric =
          (r.apply(Tensor.of(plus, 3, 3)).item() - r.apply(Tensor.of(minus, 3, 3)).item())
              / ((double) plus[i] - minus[i]);
      assertEquals(numeric, g[i], 2e-3 + 1e-2 * Math.abs(numeric), "d/dw[" + i + "]");
    }
  }

  @Test
  void validationMessagesQuoteTheArgument() {
    var e = assertThrows(IllegalArgumentException.class, () -> Regularizers.l2(-1));
    assertEquals(
        "Invalid value for argument l2: expected a non-negative float. Received: l2=-1.0",
        e.getMessage());
    var e1 = assertThrows(IllegalArgumentException.class, () -> new L1(Double.NaN));
    assertEquals(
        "Invalid value for argument l1: expected a non-negative float. Received: l1=NaN",
        e1.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new L1L2(0, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> Regularizers.orthogonal(-0.1, "rows"));
    var e2 =
        assertThrows(
            IllegalArgumentException.class, () -> Regularizers.orthogonal(0.01, "invalid_mode"));
    assertEquals(
        "Invalid value for argument `mode`. Expected one of {\"rows\", \"columns\"}. Received:"
            + " mode=invalid_mode",
        e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class,
            () -> Regularizers.orthogonal().apply(Tensor.zeros(4, 4, 4)));
    assertEquals(
        "Inputs to OrthogonalRegularizer must have rank 2. Received: inputs.shape=(4, 4, 4)",
        e3.getMessage());
  }

  /** Keras's formula in double: normalize, Gram matrix, off-diagonal |.| sum / pairs. */
  private static double referenceOrthogonal(double[][] v, double factor, boolean rows) {
    int n = rows ? v.length : v[0].length;
    int len = rows ? v[0].length : v.length;
    double[][] u = new double[n][len];
    for (int a = 0; a < n; a++) {
      double norm = 0;
      for (int k = 0; k < len; k++) {
        double x = rows ? v[a][k] : v[k][a];
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int k = 0; k < len; k++) {
        u[a][k] = (rows ? v[a][k] : v[k][a]) / norm;
      }
    }
    double sum = 0;
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b) {
          double dot = 0;
          for (int k = 0; k < len; k++) {
            dot += u[a][k] * u[b][k];
          }
          sum += Math.abs(dot);
        }
      }
    }
    return factor * 0.5 * sum / (n * (n - 1) / 2.0);
  }
}

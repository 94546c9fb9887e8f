package io.keras4j.activations;

import static io.keras4j.activations.ActivationValuesTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/** softmax, log_softmax, glu and sparsemax, along different axes. */
class AxisActivationsTest {
  private static final float[][] ROWS = {
    {-2f, 0.5f, 3f, 1f, -20f}, {100f, 100.5f, 99f, -100f, 0f}, {0.1f, 0.2f, 0.3f, 0.4f, 0.5f}
  };

  @Test
  void softmaxAndLogSoftmaxOnTheLastAxis() {
    Tensor x = Tensor.of(ROWS);
    float[] sm = Activations.softmax(x).toFloatArray();
    float[] lsm = Activations.logSoftmax(x).toFloatArray();
    for (int r = 0; r < ROWS.length; r++) {
      double[] expected = Reference.softmax(toDouble(ROWS[r]));
      for (int c = 0; c < 5; c++) {
        assertClose(expected[c], sm[r * 5 + c], "softmax[" + r + "][" + c + "]");
        // Ops.logSoftmax rounds logsumexp to float32 before subtracting, so its error scales
        // with |x| (ulp(100) = 7.6e-6), not with the result.
        double lsmExpected = Math.log(expected[c]);
        double tol = 2e-6 + 1e-7 * (Math.abs(ROWS[r][c]) + Math.abs(lsmExpected));
        assertTrue(
            Math.abs(lsmExpected - lsm[r * 5 + c]) <= tol,
            "log_softmax[" + r + "][" + c + "]: " + lsmExpected + " vs " + lsm[r * 5 + c]);
      }
    }
  }

  @Test
  void softmaxOnTheFirstAxis() {
    Tensor x = Tensor.of(ROWS);
    float[] sm = Activations.softmax(x, 0).toFloatArray();
    for (int c = 0; c < 5; c++) {
      double[] column = {ROWS[0][c], ROWS[1][c], ROWS[2][c]};
      double[] expected = Reference.softmax(column);
      for (int r = 0; r < 3; r++) {
        assertClose(expected[r], sm[r * 5 + c], "softmax axis 0 [" + r + "][" + c + "]");
      }
    }
  }

  @Test
  void gluSplitsTheLastAxisInHalves() {
    Tensor x = Tensor.of(new float[] {1, -2, 0.5f, 3, 4, 2, -1, 0}, 2, 4);
    Tensor y = Activations.glu(x);
    assertArrayEquals(new int[] {2, 2}, y.shape());
    float[] v = y.toFloatArray();
    assertClose(1 * Reference.sigmoid(0.5), v[0], "glu[0][0]");
    assertClose(-2 * Reference.sigmoid(3), v[1], "glu[0][1]");
    assertClose(4 * Reference.sigmoid(-1), v[2], "glu[1][0]");
    assertClose(2 * Reference.sigmoid(0), v[3], "glu[1][1]");
  }

  @Test
  void gluOnTheFirstAxis() {
    // Shape (4, 2): a = rows 0-1, b = rows 2-3.
    Tensor x = Tensor.of(new float[] {1, -2, 0.5f, 3, 4, 2, -1, 0}, 4, 2);
    float[] v = Activations.glu(x, 0).toFloatArray();
    assertClose(1 * Reference.sigmoid(4), v[0], "glu[0][0]");
    assertClose(-2 * Reference.sigmoid(2), v[1], "glu[0][1]");
    assertClose(0.5 * Reference.sigmoid(-1), v[2], "glu[1][0]");
    assertClose(3 * Reference.sigmoid(0), v[3], "glu[1][1]");
  }

  @Test
  void gluRejectsAnOddAxis() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Activations.glu(Tensor.of(new float[6], 2, 3)));
    assertTrue(e.getMessage().contains("Received: x.shape=(2, 3) with axis=-1"), e.getMessage());
  }

  @Test
  void sparsemaxMatchesTheSimplexProjection() {
    Tensor x = Tensor.of(ROWS);
    float[] y = Activations.sparsemax(x).toFloatArray();
    for (int r = 0; r < ROWS.length; r++) {
      double[] expected = Reference.sparsemax(toDouble(ROWS[r]));
      double sum = 0;
      for (int c = 0; c < 5; c++) {
        assertClose(expected[c], y[r * 5 + c], "sparsemax[" + r + "][" + c + "]");
        sum += y[r * 5 + c];
      }
      assertClose(1.0, (float) sum, "row sum " + r);
    }
  }

  @Test
  void sparsemaxHandWorkedExamplesAndTies() {
    // [1, 2, 0.5]: only the largest is in the support, tau = 1.
    assertArrayEquals(
        new float[] {0, 1, 0}, Activations.sparsemax(Tensor.of(1f, 2f, 0.5f)).toFloatArray());
    // [0.1, 0.2, 0.3]: all in the support, tau = (0.6 - 1) / 3.
    float[] y = Activations.sparsemax(Tensor.of(0.1f, 0.2f, 0.3f)).toFloatArray();
    assertClose(0.1 + 0.4 / 3, y[0], "y0");
    assertClose(0.3 + 0.4 / 3, y[2], "y2");
    // Ties share equally.
    assertArrayEquals(
        new float[] {0.5f, 0.5f, 0}, Activations.sparsemax(Tensor.of(3f, 3f, 1f)).toFloatArray());
  }

  @Test
  void sparsemaxOnTheFirstAxis() {
    Tensor x = Tensor.of(ROWS);
    float[] y = Activations.sparsemax(x, 0).toFloatArray();
    for (int c = 0; c < 5; c++) {
      double[] expected = Reference.sparsemax(new double[] {ROWS[0][c], ROWS[1][c], ROWS[2][c]});
      for (int r = 0; r < 3; r++) {
        assertClose(expected[r], y[r * 5 + c], "sparsemax axis 0 [" + r + "][" + c + "]");
      }
    }
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}

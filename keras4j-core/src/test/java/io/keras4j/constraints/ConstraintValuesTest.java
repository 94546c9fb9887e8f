package io.keras4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/** Exact projections on small tensors, with Keras's epsilon of 1e-7 in the denominators. */
class ConstraintValuesTest {
  private static final double EPS = 1e-7;

  /** Column norms (axis 0): 5 and 1. Row norms (axis 1): 3 and sqrt(17). */
  private static final Tensor W = Tensor.of(new float[][] {{3, 0}, {4, 1}});

  @Test
  void maxNormOnColumns() {
    float[] y = new MaxNorm(2).apply(W).toFloatArray();
    double s0 = 2 / (5 + EPS);
    double s1 = 1 / (1 + EPS);
    assertClose(new double[] {3 * s0, 0, 4 * s0, 1 * s1}, y);
    // Keras's default is max_value=2 on axis 0.
    assertArrayEquals(y, new MaxNorm().apply(W).toFloatArray());
  }

  @Test
  void maxNormOnRows() {
    float[] y = new MaxNorm(2, 1).apply(W).toFloatArray();
    double s0 = 2 / (3 + EPS);
    double s1 = 2 / (Math.sqrt(17) + EPS);
    assertClose(new double[] {3 * s0, 0, 4 * s1, 1 * s1}, y);
  }

  @Test
  void maxNormOverConvFilters() {
    // (2, 2, 1, 2) kernel; axes 0, 1, 2 give one norm per output filter: 2 and 4.
    Tensor k = Tensor.of(new float[] {1, 2, 1, 2, 1, 2, 1, 2}, 2, 2, 1, 2);
    float[] y = new MaxNorm(3, 0, 1, 2).apply(k).toFloatArray();
    double s0 = 2 / (2 + EPS);
    double s1 = 3 / (4 + EPS);
    assertClose(new double[] {s0, 2 * s1, s0, 2 * s1, s0, 2 * s1, s0, 2 * s1}, y);
  }

  @Test
  void maxNormOverTheWholeTensor() {
    // No axes: Keras's axis=None, one norm sqrt(26).
    float[] y = new MaxNorm(1, new int[0]).apply(W).toFloatArray();
    double s = 1 / (Math.sqrt(26) + EPS);
    assertClose(new double[] {3 * s, 0, 4 * s, s}, y);
  }

  @Test
  void unitNorm() {
    assertClose(
        new double[] {3 / (5 + EPS), 0, 4 / (5 + EPS), 1 / (1 + EPS)},
        new UnitNorm().apply(W).toFloatArray());
    double r1 = Math.sqrt(17) + EPS;
    assertClose(
        new double[] {3 / (3 + EPS), 0, 4 / r1, 1 / r1}, new UnitNorm(1).apply(W).toFloatArray());
  }

  @Test
  void minMaxNormStrict() {
    // Norms 5 and 1 into [0.5, 2]: 5 -> 2, 1 stays.
    float[] y = new MinMaxNorm(0.5, 2).apply(W).toFloatArray();
    double s0 = 2 / (5 + EPS);
    double s1 = 1 / (1 + EPS);
    assertClose(new double[] {3 * s0, 0, 4 * s0, s1}, y);
  }

  @Test
  void minMaxNormWithRate() {
    // Into [2, 3] at rate 0.5: 5 -> 0.5*3 + 0.5*5 = 4; 1 -> 0.5*2 + 0.5*1 = 1.5.
    float[] y = new MinMaxNorm(2, 3, 0.5, 0).apply(W).toFloatArray();
    double s0 = 4 / (5 + EPS);
    double s1 = 1.5 / (1 + EPS);
    assertClose(new double[] {3 * s0, 0, 4 * s0, s1}, y);
    // Keras's defaults: [0, 1], rate 1, axis 0.
    double d0 = 1 / (5 + EPS);
    double d1 = 1 / (1 + EPS);
    assertClose(new double[] {3 * d0, 0, 4 * d0, d1}, new MinMaxNorm().apply(W).toFloatArray());
  }

  @Test
  void nonNeg() {
    assertArrayEquals(
        new float[] {1, 0, 0, 4},
        new NonNeg().apply(Tensor.of(new float[][] {{1, -2}, {-3, 4}})).toFloatArray());
  }

  @Test
  void zeroColumnsStayZeroThanksToEpsilon() {
    Tensor z = Tensor.of(new float[][] {{0, 3}, {0, 4}});
    assertClose(
        new double[] {0, 3 / (5 + EPS), 0, 4 / (5 + EPS)}, new UnitNorm().apply(z).toFloatArray());
    assertClose(
        new double[] {0, 3 * 2 / (5 + EPS), 0, 4 * 2 / (5 + EPS)},
        new MaxNorm().apply(z).toFloatArray());
  }

  @Test
  void inputIsNotChanged() {
    Tensor w = Tensor.of(new float[][] {{3, 0}, {4, 1}});
    new MaxNorm(1).apply(w);
    assertArrayEquals(new float[] {3, 0, 4, 1}, w.toFloatArray());
    assertEquals(2, new UnitNorm().apply(w).rank());
  }

  private static void assertClose(double[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < actual.length; i++) {
      assertEquals(expected[i], actual[i], 1e-6 + 1e-6 * Math.abs(expected[i]), "index " + i);
    }
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.random.RandomOps;
import org.junit.jupiter.api.Test;

/** Constant, Zeros, Ones, Identity and Orthogonal. */
class DeterministicInitializersTest {
  @Test
  void constantsZerosAndOnes() {
    assertArrayEquals(
        new float[] {2.5f, 2.5f, 2.5f, 2.5f}, new Constant(2.5).apply(2, 2).toFloatArray());
    assertArrayEquals(new float[] {0, 0, 0}, new Constant().apply(3).toFloatArray());
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, new Zeros().apply(2, 3).toFloatArray());
    assertArrayEquals(new float[] {1, 1}, new Ones().apply(2).toFloatArray());
    assertArrayEquals(new int[] {2, 3}, new Ones().apply(2, 3).shape());
  }

  @Test
  void identity() {
    assertArrayEquals(
        new float[] {2, 0, 0, 0, 2, 0, 0, 0, 2}, new Identity(2).apply(3, 3).toFloatArray());
    assertArrayEquals(
        new float[] {1, 0, 0, 0, 0, 1, 0, 0}, new Identity().apply(2, 4).toFloatArray());
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0}, new Identity().apply(3, 2).toFloatArray());
    var e = assertThrows(IllegalArgumentException.class, () -> new Identity().apply(2, 2, 2));
    assertEquals(
        "Identity matrix initializer can only be used for 2D matrices. Received: shape=(2, 2, 2)"
            + " of rank 3.",
        e.getMessage());
  }

  @Test
  void orthogonalTallMatrixHasOrthonormalColumns() {
    float[] w = new Orthogonal(1.0, 5).apply(6, 4).toFloatArray();
    assertGram(w, 6, 4, false, 1.0);
  }

  @Test
  void orthogonalWideMatrixHasOrthonormalRows() {
    float[] w = new Orthogonal(1.0, 5).apply(4, 6).toFloatArray();
    assertGram(w, 4, 6, true, 1.0);
  }

  @Test
  void orthogonalSquareWithGain() {
    // W W^T = gain^2 I, and W^T W too.
    float[] w = new Orthogonal(1.5, 9).apply(16, 16).toFloatArray();
    assertGram(w, 16, 16, true, 1.5);
    assertGram(w, 16, 16, false, 1.5);
  }

  @Test
  void orthogonalConvKernelIsOrthogonalAsAMatrix() {
    // (3, 3, 4, 8) is read as 36 x 8: orthonormal columns.
    Tensor k = new Orthogonal(2.0, 1).apply(3, 3, 4, 8);
    assertArrayEquals(new int[] {3, 3, 4, 8}, k.shape());
    assertGram(k.toFloatArray(), 36, 8, false, 2.0);
  }

  @Test
  void orthogonalIsTheQOfThePositiveDiagonalQr() {
    // R = Q^T A must be upper triangular with a positive diagonal, A being the normal draw.
    int m = 7;
    int n = 3;
    long seed = 77;
    float[] q = new Orthogonal(1.0, seed).apply(m, n).toFloatArray();
    float[] a = RandomOps.normal(new int[] {m, n}, 0, 1, seed).toFloatArray();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double r = 0;
        for (int k = 0; k < m; k++) {
          r += (double) q[k * n + i] * a[k * n + j];
        }
        if (i > j) {
          assertEquals(0, r, 1e-5, "R[" + i + "][" + j + "]");
        } else if (i == j) {
          assertTrue(r > 0, "R[" + i + "][" + i + "] = " + r);
        }
      }
    }
  }

  @Test
  void orthogonalNeedsTwoDimensions() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Orthogonal().apply(5));
    assertEquals(
        "The tensor to initialize must be at least two-dimensional. Received: shape=(5,) of rank"
            + " 1.",
        e.getMessage());
  }

  /** Checks rows (or columns) of a rows x cols matrix are orthogonal with squared norm gain^2. */
  private static void assertGram(float[] w, int rows, int cols, boolean ofRows, double gain) {
    int count = ofRows ? rows : cols;
    int length = ofRows ? cols : rows;
    for (int a = 0; a < count; a++) {
      for (int b = 0; b < count; b++) {
        double dot = 0;
        for (int k = 0; k < length; k++) {
          double x = ofRows ? w[a * cols + k] : w[k * cols + a];
          double y = ofRows ? w[b * cols + k] : w[k * cols + b];
          dot += x * y;
        }
        assertEquals(a == b ? gain * gain : 0.0, dot, 1e-5, "gram[" + a + "][" + b + "]");
      }
    }
  }
}

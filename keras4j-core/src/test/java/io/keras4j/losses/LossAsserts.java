package io.keras4j.losses;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the loss tests. */
final class LossAsserts {
  private LossAsserts() {}

  /** float32 against float64 references: {@code 1e-6 + 1e-5 * |expected|}. */
  static final Tolerance TOL = Tolerance.allclose(1e-6, 1e-5);

  static Tensor t(float[][] rows) {
    return Tensor.of(rows);
  }

  /** The values and shape of a tensor. */
  static void assertValues(Tensor actual, int[] shape, double... expected) {
    Closeness.assertClose("loss values", shape, expected, actual, TOL);
  }

  /** A reduced loss: a scalar. */
  static void assertScalar(Tensor actual, double expected) {
    Closeness.assertClose("reduced loss", new int[0], new double[] {expected}, actual, TOL);
  }

  /** Two tensors of the same shape agree. */
  static void assertSame(Tensor expected, Tensor actual) {
    float[] e = expected.toFloatArray();
    double[] d = new double[e.length];
    for (int i = 0; i < e.length; i++) {
      d[i] = e[i];
    }
    Closeness.assertClose("same values", expected.shape(), d, actual, TOL);
  }

  /** Throws an IllegalArgumentException whose message contains every fragment. */
  static void assertError(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String f : fragments) {
      assertTrue(
          e.getMessage().contains(f),
          () -> "Expected the message to contain '" + f + "'. Message: " + e.getMessage());
    }
  }
}

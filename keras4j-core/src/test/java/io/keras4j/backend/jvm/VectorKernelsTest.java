package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector API kernels against the scalar ones, for lengths around the vector width. */
class VectorKernelsTest {
  private static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 1001};
  private final Kernels scalar = new ScalarKernels();
  private final Kernels vector = VectorKernelsFactory.create();
  private final SplittableRandom random = new SplittableRandom(5);

  private float[] random(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      // Away from zero so that div stays well conditioned.
      x[i] = (float) ((random.nextDouble() + 0.5) * (random.nextBoolean() ? 1 : -1));
    }
    return x;
  }

  @FunctionalInterface
  private interface Binary {
    void apply(Kernels k, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);
  }

  private void checkBinary(String name, Binary op) {
    for (int n : LENGTHS) {
      float[] a = random(n + 3);
      float[] b = random(n + 2);
      float[] expected = new float[n + 4];
      float[] actual = new float[n + 4];
      op.apply(scalar, a, 3, b, 2, expected, 1, n);
      op.apply(vector, a, 3, b, 2, actual, 1, n);
      assertArrayEquals(expected, actual, name + " n=" + n);
    }
  }

  @Test
  void elementwiseBinaryOps() {
    checkBinary("add", Kernels::add);
    checkBinary("sub", Kernels::sub);
    checkBinary("mul", Kernels::mul);
    checkBinary("div", Kernels::div);
  }

  @Test
  void scaleAxpyAndRelu() {
    for (int n : LENGTHS) {
      float[] a = random(n + 1);
      float[] expected = new float[n + 2];
      float[] actual = new float[n + 2];
      scalar.scale(a, 1, 0.75f, expected, 2, n);
      vector.scale(a, 1, 0.75f, actual, 2, n);
      assertArrayEquals(expected, actual, "scale n=" + n);

      scalar.relu(a, 1, expected, 2, n);
      vector.relu(a, 1, actual, 2, n);
      assertArrayEquals(expected, actual, "relu n=" + n);

      float[] y1 = random(n + 2);
      float[] y2 = y1.clone();
      scalar.axpy(-1.5f, a, 1, y1, 2, n);
      vector.axpy(-1.5f, a, 1, y2, 2, n);
      // fma rounds once where the scalar loop rounds twice.
      assertArrayEquals(y1, y2, 1e-6f, "axpy n=" + n);
    }
  }

  @Test
  void reductions() {
    for (int n : LENGTHS) {
      float[] a = random(n + 2);
      float[] b = random(n + 1);
      // Lanes are summed in another order: allow rounding that grows with n.
      float tol = 1e-6f * (n + 1);
      assertEquals(scalar.sum(a, 2, n), vector.sum(a, 2, n), tol, "sum n=" + n);
      assertEquals(scalar.dot(a, 2, b, 1, n), vector.dot(a, 2, b, 1, n), tol, "dot n=" + n);
      if (n > 0) {
        assertEquals(scalar.max(a, 2, n), vector.max(a, 2, n), "max n=" + n);
      }
    }
  }

  @Test
  void reluKeepsNanInEveryLane() {
    // NaN in the vector body and in the scalar tail must both stay NaN (Keras's relu(NaN) = NaN).
    int n = 2 * 16 + 3;
    float[] a = random(n);
    a[0] = Float.NaN;
    a[n - 1] = Float.NaN;
    float[] s = new float[n];
    float[] v = new float[n];
    scalar.relu(a, 0, s, 0, n);
    vector.relu(a, 0, v, 0, n);
    assertArrayEquals(s, v);
    assertEquals(Float.NaN, v[0]);
    assertEquals(Float.NaN, v[n - 1]);
  }
}

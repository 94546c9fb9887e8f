package io.keras4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Random;

/** Inputs and value assertions shared by the op tests. */
final class TestTensors {
  private TestTensors() {}

  /**
   * Deterministic float32 values with |v| in [0.2, 2], signs mixed: away from the kinks at 0 and
   * from ties, so finite differences are smooth.
   */
  static Tensor rand(long seed, int... shape) {
    Random r = new Random(seed);
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((0.2 + 1.8 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
    }
    return Tensor.of(v, shape);
  }

  /**
   * Values {@code +-(offset + 0.4 k)}, k in 0..4: two tensors with offsets 0.2 and 0.4 never come
   * within 0.2 of each other, which keeps max/min and comparisons away from ties.
   */
  static Tensor grid(long seed, double offset, int... shape) {
    Random r = new Random(seed);
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) ((offset + 0.4 * r.nextInt(5)) * (r.nextBoolean() ? 1 : -1));
    }
    return Tensor.of(v, shape);
  }

  /** Deterministic values in [lo, hi]. */
  static Tensor uniform(long seed, double lo, double hi, int... shape) {
    Random r = new Random(seed);
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return Tensor.of(v, shape);
  }

  /** 1, 2, 3, ... in a shape. */
  static Tensor iota(int... shape) {
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1;
    }
    return Tensor.of(v, shape);
  }

  static void assertShape(Tensor t, int... expected) {
    assertArrayEquals(
        expected,
        t.shape(),
        "shape " + Shapes.toString(ShapeRefs.of(t)) + " != " + Shapes.toString(expected));
  }

  /** Float32 values equal to {@code expected} within 1e-6 + 1e-5 relative. */
  static void assertClose(Tensor t, float... expected) {
    assertClose(t, 1e-5, expected);
  }

  static void assertClose(Tensor t, double rtol, float... expected) {
    assertEquals(DType.FLOAT32, t.dtype(), "dtype");
    float[] v = t.toFloatArray();
    assertEquals(expected.length, v.length, "number of values of " + t);
    for (int i = 0; i < v.length; i++) {
      double e = expected[i];
      boolean ok =
          Double.isNaN(e)
              ? Float.isNaN(v[i])
              : Double.isInfinite(e) ? v[i] == e : Math.abs(v[i] - e) <= 1e-6 + rtol * Math.abs(e);
      if (!ok) {
        fail("value " + i + ": expected " + e + " but was " + v[i] + " in " + t);
      }
    }
  }

  /** Values and shape. */
  static void assertTensor(Tensor t, int[] shape, float... expected) {
    assertShape(t, shape);
    assertClose(t, expected);
  }

  static int[] shape(int... dims) {
    return dims;
  }
}

package io.keras4j.activations;

import io.keras4j.Tensor;

/**
 * Helpers for the piecewise activations. A mask is a constant 0/1 tensor computed from the input's
 * values: multiplying by it selects a branch, and since a mask is piecewise constant, its own
 * gradient (zero) is the right one away from the breakpoints.
 */
final class Masks {
  private Masks() {}

  @FunctionalInterface
  interface Test {
    boolean test(float v);
  }

  /** 1 where {@code test} holds, else 0 (float32, same shape as x). */
  static Tensor where(Tensor x, Test test) {
    float[] v = x.asFloat().floats();
    float[] m = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      m[i] = test.test(v[i]) ? 1f : 0f;
    }
    return Tensor.wrap(m, x.shape());
  }

  /** A constant tensor with {@code value} where {@code test} holds, else 0. */
  static Tensor fillWhere(Tensor x, Test test, float value) {
    float[] v = x.asFloat().floats();
    float[] m = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      m[i] = test.test(v[i]) ? value : 0f;
    }
    return Tensor.wrap(m, x.shape());
  }

  static Tensor scalar(double v) {
    return Tensor.scalar((float) v);
  }
}

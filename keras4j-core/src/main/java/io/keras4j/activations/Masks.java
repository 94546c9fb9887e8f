package io.keras4j.activations;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Helpers for the piecewise activations. A mask is a 0/1 tensor computed from the input's values
 * with the comparison ops (which record no gradient): multiplying by it selects a branch, and since
 * a mask is piecewise constant, its own gradient (zero) is the right one away from the breakpoints.
 *
 * <p>A float32 value is compared with a double threshold exactly: {@code x > t} holds for a float x
 * exactly when {@code x > t'} with t' the largest float not above t (and {@code x < t}, {@code x >=
 * t} with the smallest float not below t), so the comparison ops on float32 give the same masks as
 * comparing in double.
 */
final class Masks {
  private Masks() {}

  /** 1 where {@code x > t}, else 0 (also 0 for NaN). */
  static Tensor above(Tensor x, double t) {
    return Ops.greater(x, Tensor.scalar(floatAtMost(t)));
  }

  /** 1 where {@code x < t}, else 0 (also 0 for NaN). */
  static Tensor below(Tensor x, double t) {
    return Ops.less(x, Tensor.scalar(floatAtLeast(t)));
  }

  /** 1 where {@code x >= t}, else 0 (also 0 for NaN). */
  static Tensor atLeast(Tensor x, double t) {
    return Ops.greaterEqual(x, Tensor.scalar(floatAtLeast(t)));
  }

  /** The largest float not above t. */
  private static float floatAtMost(double t) {
    float f = (float) t;
    return f > t ? Math.nextDown(f) : f;
  }

  /** The smallest float not below t. */
  private static float floatAtLeast(double t) {
    float f = (float) t;
    return f < t ? Math.nextUp(f) : f;
  }

  static Tensor scalar(double v) {
    return Tensor.scalar((float) v);
  }
}

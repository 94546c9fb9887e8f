package io.keras4j.regularizers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** The L1 and L2 sums shared by the regularizers, and Keras's validation of their factors. */
final class Penalties {
  private Penalties() {}

  /** factor * sum(|w|). */
  static Tensor l1(double factor, Tensor w) {
    return Ops.multiply(Ops.sum(Ops.abs(w)), Tensor.scalar((float) factor));
  }

  /** factor * sum(w^2). */
  static Tensor l2(double factor, Tensor w) {
    return Ops.multiply(Ops.sum(Ops.square(w)), Tensor.scalar((float) factor));
  }

  /** As Keras's {@code validate_float_arg}: finite and non-negative. */
  static double validate(double value, String name) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "Invalid value for argument "
              + name
              + ": expected a non-negative float. Received: "
              + name
              + "="
              + value);
    }
    return value;
  }
}

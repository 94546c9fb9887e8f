package io.keras4j.activations;

import static io.keras4j.activations.Masks.scalar;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** The smooth activations, composed from {@link Ops}; formulas as in Keras 3. */
final class SmoothActivations {
  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  private SmoothActivations() {}

  /** x * sigmoid(x). */
  static Tensor silu(Tensor x) {
    return Ops.multiply(x, Ops.sigmoid(x));
  }

  /**
   * Exact: x * (1 + erf(x / sqrt 2)) / 2. Approximate: x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715
   * x^3))) / 2, the tanh form of Hendrycks and Gimpel.
   */
  static Tensor gelu(Tensor x, boolean approximate) {
    Tensor inner;
    if (approximate) {
      Tensor cube = Ops.multiply(x, Ops.square(x));
      Tensor arg = Ops.add(x, Ops.multiply(cube, scalar(0.044715)));
      inner = Ops.tanh(Ops.multiply(arg, scalar(SQRT_2_OVER_PI)));
    } else {
      inner = Ops.erf(Ops.multiply(x, scalar(SQRT_HALF)));
    }
    return Ops.multiply(Ops.multiply(x, scalar(0.5)), Ops.add(inner, scalar(1)));
  }

  /** x * tanh(softplus(x)). */
  static Tensor mish(Tensor x) {
    return Ops.multiply(x, Ops.tanh(Ops.softplus(x)));
  }

  /** log(sigmoid(x)) = -softplus(-x), which stays finite for large negative x. */
  static Tensor logSigmoid(Tensor x) {
    return Ops.negative(Ops.softplus(Ops.negative(x)));
  }

  /** (x + sqrt(x^2 + b)) / 2. */
  static Tensor squareplus(Tensor x, double b) {
    Tensor root = Ops.sqrt(Ops.add(Ops.square(x), scalar(b)));
    return Ops.multiply(Ops.add(x, root), scalar(0.5));
  }

  /** x - tanh(x). */
  static Tensor tanhShrink(Tensor x) {
    return Ops.subtract(x, Ops.tanh(x));
  }
}

package io.keras4j.activations;

import static io.keras4j.activations.Masks.scalar;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** The smooth activations, composed from {@link Ops}; formulas as in Keras 3. */
final class SmoothActivations {
  private SmoothActivations() {}

  /** x * tanh(softplus(x)). */
  static Tensor mish(Tensor x) {
    return Ops.multiply(x, Ops.tanh(Ops.softplus(x)));
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

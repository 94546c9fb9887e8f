package io.keras4j.ops;

import io.keras4j.Tensor;
import io.keras4j.backend.ActivationOp;
import io.keras4j.backend.Backend;
import io.keras4j.backend.NnKernels;

/**
 * The elementwise activations of {@code keras.ops} (Keras 3 formulas), each with its derivative,
 * computed by the backend's {@link NnKernels}. Relu, sigmoid, tanh, softplus and softsign live in
 * {@link UnaryOps}.
 */
final class ActivationOps {
  private ActivationOps() {}

  private static NnKernels nn() {
    return Backend.current().nn();
  }

  private static Tensor apply(ActivationOp op, Tensor x) {
    Tensor y = nn().activation(op, x);
    GradientTape.record(
        y, new Tensor[] {x}, g -> new Tensor[] {nn().activationBackward(op, x, y, g)});
    return y;
  }

  /** min(max(x, 0), 6). */
  static Tensor relu6(Tensor x) {
    return apply(ActivationOp.RELU6, x);
  }

  /** x for x >= 0, negativeSlope * x below. */
  static Tensor leakyRelu(Tensor x, float negativeSlope) {
    Tensor y = nn().leakyRelu(x, negativeSlope);
    GradientTape.record(
        y, new Tensor[] {x}, g -> new Tensor[] {nn().leakyReluBackward(x, negativeSlope, g)});
    return y;
  }

  /** x for x >= 0, alpha * (e^x - 1) below. */
  static Tensor elu(Tensor x, float alpha) {
    Tensor y = nn().elu(x, alpha);
    GradientTape.record(y, new Tensor[] {x}, g -> new Tensor[] {nn().eluBackward(x, alpha, g)});
    return y;
  }

  /** scale * elu(x, alpha) with the self-normalizing constants. */
  static Tensor selu(Tensor x) {
    return apply(ActivationOp.SELU, x);
  }

  /**
   * Gaussian error linear unit: {@code x * Phi(x)}, exactly with erf, or with Keras's tanh
   * approximation {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}.
   */
  static Tensor gelu(Tensor x, boolean approximate) {
    return apply(approximate ? ActivationOp.GELU_APPROXIMATE : ActivationOp.GELU, x);
  }

  /** x * sigmoid(x), also called swish. */
  static Tensor silu(Tensor x) {
    return apply(ActivationOp.SILU, x);
  }

  /** Keras 3's hard sigmoid: relu6(x + 3) / 6, i.e. clip(x / 6 + 0.5, 0, 1). */
  static Tensor hardSigmoid(Tensor x) {
    return apply(ActivationOp.HARD_SIGMOID, x);
  }

  /** x * hardSigmoid(x), also called hard swish. */
  static Tensor hardSilu(Tensor x) {
    return apply(ActivationOp.HARD_SILU, x);
  }

  /** log(sigmoid(x)) = -softplus(-x), computed without overflow. */
  static Tensor logSigmoid(Tensor x) {
    return apply(ActivationOp.LOG_SIGMOID, x);
  }
}

package io.keras4j.ops;

import io.keras4j.Tensor;

/**
 * The elementwise activations of {@code keras.ops} (Keras 3 formulas), each with its derivative.
 * Relu, sigmoid, tanh, softplus and softsign live in {@link UnaryOps}.
 */
final class ActivationOps {
  private ActivationOps() {}

  static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  static final double SELU_SCALE = 1.0507009873554804934193349852946;
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  private static final double GELU_CUBIC = 0.044715;

  /** min(max(x, 0), 6). */
  static Tensor relu6(Tensor x) {
    return UnaryOps.map(x, v -> Math.min(Math.max(v, 0f), 6f), (v, y) -> v > 0 && v < 6 ? 1f : 0f);
  }

  /** x for x >= 0, negativeSlope * x below. */
  static Tensor leakyRelu(Tensor x, float negativeSlope) {
    return UnaryOps.map(
        x, v -> v >= 0 ? v : negativeSlope * v, (v, y) -> v > 0 ? 1f : negativeSlope);
  }

  /** x for x >= 0, alpha * (e^x - 1) below. */
  static Tensor elu(Tensor x, float alpha) {
    return UnaryOps.map(
        x,
        v -> v >= 0 ? v : (float) (alpha * Math.expm1(v)),
        (v, y) -> v > 0 ? 1f : (float) (alpha * Math.exp(v)));
  }

  /** scale * elu(x, alpha) with the self-normalizing constants. */
  static Tensor selu(Tensor x) {
    return UnaryOps.map(
        x,
        v -> (float) (SELU_SCALE * (v >= 0 ? v : SELU_ALPHA * Math.expm1(v))),
        (v, y) -> (float) (SELU_SCALE * (v > 0 ? 1 : SELU_ALPHA * Math.exp(v))));
  }

  /**
   * Gaussian error linear unit: {@code x * Phi(x)}, exactly with erf, or with Keras's tanh
   * approximation {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}.
   */
  static Tensor gelu(Tensor x, boolean approximate) {
    if (approximate) {
      return UnaryOps.map(
          x,
          v -> (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v)))),
          (v, y) -> {
            double t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v));
            double du = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
            return (float) (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du);
          });
    }
    return UnaryOps.map(
        x,
        v -> (float) (0.5 * v * (1 + Erf.erf(v / Math.sqrt(2)))),
        (v, y) ->
            (float)
                (0.5 * (1 + Erf.erf(v / Math.sqrt(2)))
                    + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v)));
  }

  /** x * sigmoid(x), also called swish. */
  static Tensor silu(Tensor x) {
    return UnaryOps.map(
        x,
        v -> v * UnaryOps.sigmoidOf(v),
        (v, y) -> {
          float s = UnaryOps.sigmoidOf(v);
          return s + v * s * (1 - s);
        });
  }

  /** Keras 3's hard sigmoid: relu6(x + 3) / 6, i.e. clip(x / 6 + 0.5, 0, 1). */
  static Tensor hardSigmoid(Tensor x) {
    return UnaryOps.map(x, ActivationOps::hardSigmoidOf, (v, y) -> v > -3 && v < 3 ? 1f / 6 : 0f);
  }

  private static float hardSigmoidOf(float v) {
    return Math.min(Math.max(v / 6f + 0.5f, 0f), 1f);
  }

  /** x * hardSigmoid(x), also called hard swish. */
  static Tensor hardSilu(Tensor x) {
    return UnaryOps.map(
        x, v -> v * hardSigmoidOf(v), (v, y) -> hardSigmoidOf(v) + (v > -3 && v < 3 ? v / 6f : 0f));
  }

  /** log(sigmoid(x)) = -softplus(-x), computed without overflow. */
  static Tensor logSigmoid(Tensor x) {
    return UnaryOps.map(
        x,
        v -> (float) (Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v)))),
        (v, y) -> UnaryOps.sigmoidOf(-v));
  }
}

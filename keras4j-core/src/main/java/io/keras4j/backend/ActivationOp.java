package io.keras4j.backend;

/**
 * The elementwise activations without parameters of {@link NnKernels#activation} (Keras 3
 * formulas). Relu, sigmoid, tanh, softplus and softsign are {@link UnaryOp}s; leaky relu and elu
 * take a parameter and have methods of their own.
 */
public enum ActivationOp {
  /** min(max(x, 0), 6). */
  RELU6,
  /** scale * elu(x, alpha) with the self-normalizing constants. */
  SELU,
  /** x * Phi(x), exactly, with erf. */
  GELU,
  /** Keras's tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
  GELU_APPROXIMATE,
  /** x * sigmoid(x), also called swish. */
  SILU,
  /** relu6(x + 3) / 6. */
  HARD_SIGMOID,
  /** x * hardSigmoid(x), also called hard swish. */
  HARD_SILU,
  /** log(sigmoid(x)), computed without overflow. */
  LOG_SIGMOID
}

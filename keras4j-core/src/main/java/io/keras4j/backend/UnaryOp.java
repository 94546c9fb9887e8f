package io.keras4j.backend;

/**
 * The elementwise functions of one tensor that {@link MathKernels#unary} computes (and {@link
 * MathKernels#unaryBackward} differentiates), as in {@code keras.ops}.
 */
public enum UnaryOp {
  /** -x. */
  NEGATIVE,
  /** |x|. */
  ABS,
  /** -1, 0 or 1 (NaN stays NaN). */
  SIGN,
  /** x * x. */
  SQUARE,
  /** sqrt(x). */
  SQRT,
  /** 1 / sqrt(x). */
  RSQRT,
  /** e^x. */
  EXP,
  /** e^x - 1, accurate near 0. */
  EXPM1,
  /** The natural logarithm. */
  LOG,
  /** log(1 + x), accurate near 0. */
  LOG1P,
  /** The hyperbolic tangent. */
  TANH,
  /** 1 / (1 + e^-x). */
  SIGMOID,
  /** max(x, 0). */
  RELU,
  /** log(1 + e^x), computed without overflow. */
  SOFTPLUS,
  /** x / (1 + |x|). */
  SOFTSIGN,
  /** The error function. */
  ERF,
  /** sin(x). */
  SIN,
  /** cos(x). */
  COS,
  /** 1 / x. */
  RECIPROCAL,
  /** The largest integer value not above x. */
  FLOOR,
  /** The smallest integer value not below x. */
  CEIL,
  /** The nearest integer value, half to even (as numpy). */
  ROUND
}

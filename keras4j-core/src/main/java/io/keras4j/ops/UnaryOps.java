package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.UnaryOp;

/**
 * Elementwise functions of one tensor: the backend's {@link MathKernels#unary} forward, {@link
 * MathKernels#unaryBackward} (from the input and the output) on the tape.
 */
final class UnaryOps {
  private UnaryOps() {}

  private static MathKernels math() {
    return Backend.current().math();
  }

  /** {@code op(x)}, recording its gradient. */
  static Tensor apply(UnaryOp op, Tensor x) {
    Tensor y = math().unary(op, x);
    GradientTape.record(y, new Tensor[] {x}, g -> new Tensor[] {math().unaryBackward(op, x, y, g)});
    return y;
  }

  static Tensor negative(Tensor x) {
    return apply(UnaryOp.NEGATIVE, x);
  }

  static Tensor abs(Tensor x) {
    return apply(UnaryOp.ABS, x);
  }

  static Tensor sign(Tensor x) {
    return apply(UnaryOp.SIGN, x);
  }

  static Tensor square(Tensor x) {
    return apply(UnaryOp.SQUARE, x);
  }

  static Tensor sqrt(Tensor x) {
    return apply(UnaryOp.SQRT, x);
  }

  static Tensor rsqrt(Tensor x) {
    return apply(UnaryOp.RSQRT, x);
  }

  static Tensor exp(Tensor x) {
    return apply(UnaryOp.EXP, x);
  }

  static Tensor expm1(Tensor x) {
    return apply(UnaryOp.EXPM1, x);
  }

  static Tensor log(Tensor x) {
    return apply(UnaryOp.LOG, x);
  }

  static Tensor log1p(Tensor x) {
    return apply(UnaryOp.LOG1P, x);
  }

  static Tensor tanh(Tensor x) {
    return apply(UnaryOp.TANH, x);
  }

  static Tensor sigmoid(Tensor x) {
    return apply(UnaryOp.SIGMOID, x);
  }

  static Tensor relu(Tensor x) {
    return apply(UnaryOp.RELU, x);
  }

  /** log(1 + e^x) = max(x, 0) + log1p(e^-|x|). */
  static Tensor softplus(Tensor x) {
    return apply(UnaryOp.SOFTPLUS, x);
  }

  static Tensor softsign(Tensor x) {
    return apply(UnaryOp.SOFTSIGN, x);
  }

  static Tensor erf(Tensor x) {
    return apply(UnaryOp.ERF, x);
  }

  static Tensor sin(Tensor x) {
    return apply(UnaryOp.SIN, x);
  }

  static Tensor cos(Tensor x) {
    return apply(UnaryOp.COS, x);
  }

  static Tensor reciprocal(Tensor x) {
    return apply(UnaryOp.RECIPROCAL, x);
  }

  static Tensor floor(Tensor x) {
    return apply(UnaryOp.FLOOR, x);
  }

  static Tensor ceil(Tensor x) {
    return apply(UnaryOp.CEIL, x);
  }

  /** Round half to even, as numpy and Keras do. */
  static Tensor round(Tensor x) {
    return apply(UnaryOp.ROUND, x);
  }

  /**
   * Limits values to {@code [min, max]}. The gradient is 1 inside the closed interval and 0
   * outside, as TensorFlow's. Int32 input stays int32 (values truncated toward zero, as numpy's
   * astype) and has no gradient.
   */
  static Tensor clip(Tensor x, float min, float max) {
    Tensor y = math().clip(x, min, max);
    if (x.dtype() == DType.FLOAT32) {
      GradientTape.record(
          y, new Tensor[] {x}, g -> new Tensor[] {math().clipBackward(x, min, max, g)});
    }
    return y;
  }

  /** Converts between float32 and int32 (toward zero); no gradient flows through a conversion. */
  static Tensor cast(Tensor x, DType dtype) {
    return math().cast(x, dtype);
  }
}

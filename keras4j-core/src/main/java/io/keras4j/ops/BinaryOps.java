package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.BinaryOp;
import io.keras4j.backend.MathKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * Elementwise arithmetic of two tensors with numpy broadcasting: the backend's {@link
 * MathKernels#binary} forward and {@link MathKernels#binaryBackward} (each gradient summed back to
 * its input's shape) on the tape.
 */
final class BinaryOps {
  private BinaryOps() {}

  private static MathKernels math() {
    return Backend.current().math();
  }

  /**
   * {@code op(a, b)}, recording its gradient; fails naming both shapes when they do not broadcast.
   */
  static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
    Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    Tensor y = math().binary(op, a, b);
    GradientTape.record(
        y,
        new Tensor[] {a, b},
        g ->
            math()
                .binaryBackward(
                    op, a, b, y, g, GradientTape.needsGradient(0), GradientTape.needsGradient(1)));
    return y;
  }

  static Tensor add(Tensor a, Tensor b) {
    return apply(BinaryOp.ADD, a, b);
  }

  static Tensor subtract(Tensor a, Tensor b) {
    return apply(BinaryOp.SUBTRACT, a, b);
  }

  static Tensor multiply(Tensor a, Tensor b) {
    return apply(BinaryOp.MULTIPLY, a, b);
  }

  static Tensor divide(Tensor a, Tensor b) {
    return apply(BinaryOp.DIVIDE, a, b);
  }

  /** a^b; the gradient with respect to b is taken as 0 where a <= 0. */
  static Tensor power(Tensor a, Tensor b) {
    return apply(BinaryOp.POWER, a, b);
  }

  /** Ties send the gradient to the first argument, as TensorFlow does. */
  static Tensor maximum(Tensor a, Tensor b) {
    return apply(BinaryOp.MAXIMUM, a, b);
  }

  static Tensor minimum(Tensor a, Tensor b) {
    return apply(BinaryOp.MINIMUM, a, b);
  }
}

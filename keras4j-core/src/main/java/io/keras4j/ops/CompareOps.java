package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.CompareOp;
import io.keras4j.backend.MathKernels;
import io.keras4j.internal.ShapeRefs;

/**
 * Comparisons and logic with broadcasting, and {@code where}. keras4j has no bool dtype: truth
 * values are float32 1 and 0, and any nonzero value (NaN too, as numpy) counts as true. Comparisons
 * and logic have no gradient.
 */
final class CompareOps {
  private CompareOps() {}

  private static MathKernels math() {
    return Backend.current().math();
  }

  private static Tensor compare(CompareOp op, Tensor a, Tensor b) {
    Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    return math().compare(op, a, b);
  }

  static Tensor equal(Tensor a, Tensor b) {
    return compare(CompareOp.EQUAL, a, b);
  }

  static Tensor notEqual(Tensor a, Tensor b) {
    return compare(CompareOp.NOT_EQUAL, a, b);
  }

  static Tensor greater(Tensor a, Tensor b) {
    return compare(CompareOp.GREATER, a, b);
  }

  static Tensor greaterEqual(Tensor a, Tensor b) {
    return compare(CompareOp.GREATER_EQUAL, a, b);
  }

  static Tensor less(Tensor a, Tensor b) {
    return compare(CompareOp.LESS, a, b);
  }

  static Tensor lessEqual(Tensor a, Tensor b) {
    return compare(CompareOp.LESS_EQUAL, a, b);
  }

  static Tensor logicalAnd(Tensor a, Tensor b) {
    return compare(CompareOp.LOGICAL_AND, a, b);
  }

  static Tensor logicalOr(Tensor a, Tensor b) {
    return compare(CompareOp.LOGICAL_OR, a, b);
  }

  static Tensor logicalNot(Tensor a) {
    return math().logicalNot(a);
  }

  /**
   * {@code x} where {@code condition} is nonzero, else {@code y}; all three broadcast together. The
   * result is int32 when x and y both are, else float32. The gradient goes to the branch taken.
   */
  static Tensor where(Tensor condition, Tensor x, Tensor y) {
    Shapes.broadcast(Shapes.broadcast(ShapeRefs.of(condition), ShapeRefs.of(x)), ShapeRefs.of(y));
    Tensor result = math().where(condition, x, y);
    if (result.dtype() == io.keras4j.DType.FLOAT32) {
      int[] sx = x.shape();
      int[] sy = y.shape();
      GradientTape.record(
          result,
          new Tensor[] {condition, x, y},
          g -> {
            Tensor[] gxy = math().whereBackward(condition, g, sx, sy);
            return new Tensor[] {null, gxy[0], gxy[1]};
          });
    }
    return result;
  }
}

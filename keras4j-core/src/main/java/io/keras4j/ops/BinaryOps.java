package io.keras4j.ops;

import io.keras4j.Tensor;
import io.keras4j.ops.Broadcasting.Fast;

/** Elementwise arithmetic of two tensors with broadcasting, and the gradients of each. */
final class BinaryOps {
  private BinaryOps() {}

  static Tensor add(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, Float::sum, Fast.ADD);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g ->
            new Tensor[] {
              Broadcasting.sumToShape(g, a.shapeRef()), Broadcasting.sumToShape(g, b.shapeRef())
            });
    return out;
  }

  static Tensor subtract(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, (x, y) -> x - y, Fast.SUB);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g ->
            new Tensor[] {
              Broadcasting.sumToShape(g, a.shapeRef()),
              Broadcasting.sumToShape(Ops.negative(g), b.shapeRef())
            });
    return out;
  }

  static Tensor multiply(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, (x, y) -> x * y, Fast.MUL);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g ->
            new Tensor[] {
              Broadcasting.sumToShape(Ops.multiply(g, b), a.shapeRef()),
              Broadcasting.sumToShape(Ops.multiply(g, a), b.shapeRef())
            });
    return out;
  }

  static Tensor divide(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, (x, y) -> x / y, Fast.DIV);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g ->
            new Tensor[] {
              Broadcasting.sumToShape(Ops.divide(g, b), a.shapeRef()),
              Broadcasting.sumToShape(
                  Ops.negative(Ops.divide(Ops.multiply(g, out), b)), b.shapeRef())
            });
    return out;
  }

  static Tensor power(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, (x, y) -> (float) Math.pow(x, y), Fast.NONE);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g -> {
          // d/da a^b = b a^(b-1); d/db a^b = a^b log(a), taken as 0 where a <= 0.
          Tensor da =
              Broadcasting.apply(
                  a, b, (x, y) -> y == 0 ? 0f : y * (float) Math.pow(x, y - 1), Fast.NONE);
          Tensor db =
              Broadcasting.apply(
                  a, b, (x, y) -> x > 0 ? (float) (Math.pow(x, y) * Math.log(x)) : 0f, Fast.NONE);
          return new Tensor[] {
            Broadcasting.sumToShape(Ops.multiply(g, da), a.shapeRef()),
            Broadcasting.sumToShape(Ops.multiply(g, db), b.shapeRef())
          };
        });
    return out;
  }

  static Tensor maximum(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, Math::max, Fast.NONE);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g -> {
          // Ties send the gradient to the first argument, as TensorFlow does.
          Tensor pickA = Broadcasting.apply(a, b, (x, y) -> x >= y ? 1f : 0f, Fast.NONE);
          return new Tensor[] {
            Broadcasting.sumToShape(Ops.multiply(g, pickA), a.shapeRef()),
            Broadcasting.sumToShape(
                Ops.multiply(g, Ops.subtract(Tensor.scalar(1f), pickA)), b.shapeRef())
          };
        });
    return out;
  }

  static Tensor minimum(Tensor a, Tensor b) {
    Tensor out = Broadcasting.apply(a, b, Math::min, Fast.NONE);
    GradientTape.record(
        out,
        new Tensor[] {a, b},
        g -> {
          Tensor pickA = Broadcasting.apply(a, b, (x, y) -> x <= y ? 1f : 0f, Fast.NONE);
          return new Tensor[] {
            Broadcasting.sumToShape(Ops.multiply(g, pickA), a.shapeRef()),
            Broadcasting.sumToShape(
                Ops.multiply(g, Ops.subtract(Tensor.scalar(1f), pickA)), b.shapeRef())
          };
        });
    return out;
  }
}

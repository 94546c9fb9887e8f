package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Tensor;

/**
 * Elementwise functions of one tensor. Each is a forward function and its derivative, written in
 * terms of the input x and the output y (whichever is cheaper).
 */
final class UnaryOps {
  private UnaryOps() {}

  @FunctionalInterface
  interface Fn {
    float apply(float x);
  }

  @FunctionalInterface
  interface Derivative {
    float apply(float x, float y);
  }

  /** Applies {@code f} and records {@code dy/dx = d(x, y)}; d null means not differentiable. */
  static Tensor map(Tensor input, Fn f, Derivative d) {
    float[] x = input.asFloat().floats();
    float[] y = io.keras4j.backend.Buffers.overwritten(x.length);
    for (int i = 0; i < x.length; i++) {
      y[i] = f.apply(x[i]);
    }
    Tensor out = Tensor.wrap(y, input.shape());
    if (d != null) {
      GradientTape.record(
          out,
          new Tensor[] {input},
          g -> {
            float[] gv = g.floats();
            float[] gx = io.keras4j.backend.Buffers.overwritten(x.length);
            for (int i = 0; i < x.length; i++) {
              gx[i] = gv[i] * d.apply(x[i], y[i]);
            }
            return new Tensor[] {Tensor.wrap(gx, input.shape())};
          });
    }
    return out;
  }

  static Tensor negative(Tensor x) {
    return map(x, v -> -v, (v, y) -> -1f);
  }

  static Tensor abs(Tensor x) {
    return map(x, Math::abs, (v, y) -> Math.signum(v));
  }

  static Tensor sign(Tensor x) {
    return map(x, Math::signum, (v, y) -> 0f);
  }

  static Tensor square(Tensor x) {
    return map(x, v -> v * v, (v, y) -> 2 * v);
  }

  static Tensor sqrt(Tensor x) {
    return map(x, v -> (float) Math.sqrt(v), (v, y) -> 0.5f / y);
  }

  static Tensor rsqrt(Tensor x) {
    return map(x, v -> (float) (1.0 / Math.sqrt(v)), (v, y) -> -0.5f * y * y * y);
  }

  static Tensor exp(Tensor x) {
    return map(x, v -> (float) Math.exp(v), (v, y) -> y);
  }

  static Tensor expm1(Tensor x) {
    return map(x, v -> (float) Math.expm1(v), (v, y) -> y + 1f);
  }

  static Tensor log(Tensor x) {
    return map(x, v -> (float) Math.log(v), (v, y) -> 1f / v);
  }

  static Tensor log1p(Tensor x) {
    return map(x, v -> (float) Math.log1p(v), (v, y) -> 1f / (1f + v));
  }

  static Tensor tanh(Tensor x) {
    return map(x, v -> (float) Math.tanh(v), (v, y) -> 1f - y * y);
  }

  static Tensor sigmoid(Tensor x) {
    return map(x, UnaryOps::sigmoidOf, (v, y) -> y * (1f - y));
  }

  static float sigmoidOf(float v) {
    // Stable for large |v|: never exponentiates a positive number.
    if (v >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
    double e = Math.exp(v);
    return (float) (e / (1.0 + e));
  }

  static Tensor relu(Tensor x) {
    float[] in = x.asFloat().floats();
    float[] y = io.keras4j.backend.Buffers.floats(in.length);
    io.keras4j.backend.jvm.JvmKernelsHolder.kernels().relu(in, 0, y, 0, in.length);
    Tensor out = Tensor.wrap(y, x.shape());
    GradientTape.record(
        out,
        new Tensor[] {x},
        g -> {
          float[] gv = g.floats();
          float[] gx = io.keras4j.backend.Buffers.floats(in.length);
          for (int i = 0; i < in.length; i++) {
            gx[i] = in[i] > 0 ? gv[i] : 0f;
          }
          return new Tensor[] {Tensor.wrap(gx, x.shape())};
        });
    return out;
  }

  static Tensor softplus(Tensor x) {
    // log(1 + e^x) = max(x, 0) + log1p(e^-|x|)
    return map(
        x,
        v -> (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)))),
        (v, y) -> sigmoidOf(v));
  }

  static Tensor softsign(Tensor x) {
    return map(
        x,
        v -> v / (1f + Math.abs(v)),
        (v, y) -> {
          float d = 1f + Math.abs(v);
          return 1f / (d * d);
        });
  }

  static Tensor erf(Tensor x) {
    return map(
        x,
        v -> (float) Erf.erf(v),
        (v, y) -> (float) (2.0 / Math.sqrt(Math.PI) * Math.exp(-(double) v * v)));
  }

  static Tensor sin(Tensor x) {
    return map(x, v -> (float) Math.sin(v), (v, y) -> (float) Math.cos(v));
  }

  static Tensor cos(Tensor x) {
    return map(x, v -> (float) Math.cos(v), (v, y) -> (float) -Math.sin(v));
  }

  static Tensor reciprocal(Tensor x) {
    return map(x, v -> 1f / v, (v, y) -> -y * y);
  }

  static Tensor floor(Tensor x) {
    return map(x, v -> (float) Math.floor(v), (v, y) -> 0f);
  }

  static Tensor ceil(Tensor x) {
    return map(x, v -> (float) Math.ceil(v), (v, y) -> 0f);
  }

  /**
   * Limits values to {@code [min, max]}. The gradient is 1 inside the closed interval and 0
   * outside, as TensorFlow's. Int32 input stays int32 (values truncated toward zero, as numpy's
   * astype).
   */
  static Tensor clip(Tensor x, float min, float max) {
    Tensor out =
        map(x, v -> Math.min(Math.max(v, min), max), (v, y) -> v >= min && v <= max ? 1f : 0f);
    return x.dtype() == DType.INT32 ? out.asInt() : out;
  }

  /** Converts between float32 and int32 (toward zero); no gradient flows through a conversion. */
  static Tensor cast(Tensor x, DType dtype) {
    return dtype == DType.INT32 ? x.asInt() : x.asFloat();
  }

  static Tensor round(Tensor x) {
    // Round half to even, as numpy and Keras do.
    return map(x, v -> (float) Math.rint(v), (v, y) -> 0f);
  }
}

package io.keras4j.backend.jvm;

import io.keras4j.backend.UnaryOp;

/**
 * The gradients of the elementwise functions, one loop each: {@code o = g * f'(x)}, written from
 * the input x or the output y, whichever is cheaper. Plain Java: these are products and quotients
 * that C2 turns into vector code by itself.
 */
final class UnaryGradients {
  private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

  private UnaryGradients() {}

  /** {@code o[i] = dy[i] * f'(x[i])} for i in [0, n), with y = f(x). */
  static void apply(UnaryOp op, float[] x, float[] y, float[] g, float[] o, int n) {
    switch (op) {
      case NEGATIVE -> negative(x, y, g, o, n);
      case ABS -> abs(x, y, g, o, n);
      case SIGN -> java.util.Arrays.fill(o, 0, n, 0f);
      case SQUARE -> square(x, y, g, o, n);
      case SQRT -> sqrt(x, y, g, o, n);
      case RSQRT -> rsqrt(x, y, g, o, n);
      case EXP -> exp(x, y, g, o, n);
      case EXPM1 -> expm1(x, y, g, o, n);
      case LOG -> log(x, y, g, o, n);
      case LOG1P -> log1p(x, y, g, o, n);
      case TANH -> tanh(x, y, g, o, n);
      case SIGMOID -> sigmoid(x, y, g, o, n);
      case RELU -> relu(x, y, g, o, n);
      case SOFTPLUS -> softplus(x, y, g, o, n);
      case SOFTSIGN -> softsign(x, y, g, o, n);
      case ERF -> erf(x, y, g, o, n);
      case SIN -> sin(x, y, g, o, n);
      case COS -> cos(x, y, g, o, n);
      case RECIPROCAL -> reciprocal(x, y, g, o, n);
      case FLOOR -> java.util.Arrays.fill(o, 0, n, 0f);
      case CEIL -> java.util.Arrays.fill(o, 0, n, 0f);
      case ROUND -> java.util.Arrays.fill(o, 0, n, 0f);
    }
  }

  private static void negative(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = -g;
    }
  }

  private static void abs(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * Math.signum(x);
    }
  }

  private static void square(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * 2 * x;
    }
  }

  private static void sqrt(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * (0.5f / y);
    }
  }

  private static void rsqrt(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * (-0.5f * y * y * y);
    }
  }

  private static void exp(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * y;
    }
  }

  private static void expm1(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * (y + 1f);
    }
  }

  private static void log(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g / x;
    }
  }

  private static void log1p(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g / (1f + x);
    }
  }

  private static void tanh(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * (1f - y * y);
    }
  }

  private static void sigmoid(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * (y * (1f - y));
    }
  }

  private static void relu(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = x > 0 ? g : 0f;
    }
  }

  private static void softplus(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g * ScalarUnaryLoops.sigmoidOf(x);
    }
  }

  private static void softsign(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = g / ((1f + Math.abs(x)) * (1f + Math.abs(x)));
    }
  }

  private static void erf(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = (float) (g * TWO_OVER_SQRT_PI * Math.exp(-(double) x * x));
    }
  }

  private static void sin(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = (float) (g * Math.cos(x));
    }
  }

  private static void cos(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = (float) (-g * Math.sin(x));
    }
  }

  private static void reciprocal(float[] xs, float[] ys, float[] gs, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float y = ys[i];
      float g = gs[i];
      o[i] = -g * y * y;
    }
  }
}

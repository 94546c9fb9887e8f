package io.keras4j.backend.jvm;

import static io.keras4j.backend.jvm.ScalarUnaryLoops.GELU_CUBIC;
import static io.keras4j.backend.jvm.ScalarUnaryLoops.INV_SQRT_2;
import static io.keras4j.backend.jvm.ScalarUnaryLoops.SELU_ALPHA;
import static io.keras4j.backend.jvm.ScalarUnaryLoops.SELU_SCALE;
import static io.keras4j.backend.jvm.ScalarUnaryLoops.SQRT_2_OVER_PI;
import static io.keras4j.backend.jvm.ScalarUnaryLoops.hardSigmoidOf;
import static io.keras4j.backend.jvm.ScalarUnaryLoops.sigmoidOf;

import io.keras4j.backend.ActivationOp;

/** The gradients of the activations, one loop each: {@code o = g * f'(x)}. */
final class ActivationGradients {
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

  private ActivationGradients() {}

  /** {@code o[i] = g[i] * f'(x[i])} for i in [0, n). */
  static void apply(ActivationOp op, float[] x, float[] g, float[] o, int n) {
    switch (op) {
      case RELU6 -> relu6(x, g, o, n);
      case SELU -> selu(x, g, o, n);
      case GELU -> gelu(x, g, o, n);
      case GELU_APPROXIMATE -> geluApproximate(x, g, o, n);
      case SILU -> silu(x, g, o, n);
      case HARD_SIGMOID -> hardSigmoid(x, g, o, n);
      case HARD_SILU -> hardSilu(x, g, o, n);
      case LOG_SIGMOID -> logSigmoid(x, g, o, n);
    }
  }

  private static void relu6(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      o[i] = v > 0 && v < 6 ? g[i] : 0f;
    }
  }

  private static void selu(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      o[i] = (float) (g[i] * SELU_SCALE * (v > 0 ? 1 : SELU_ALPHA * Math.exp(v)));
    }
  }

  private static void gelu(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double d = 0.5 * (1 + Erf.erf(v * INV_SQRT_2)) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
      o[i] = (float) (g[i] * d);
    }
  }

  private static void geluApproximate(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double t = Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v));
      double du = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
      o[i] = (float) (g[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du));
    }
  }

  private static void silu(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      float s = sigmoidOf(v);
      o[i] = g[i] * (s + v * s * (1 - s));
    }
  }

  private static void hardSigmoid(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      o[i] = v > -3 && v < 3 ? g[i] * (1f / 6) : 0f;
    }
  }

  private static void hardSilu(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      o[i] = g[i] * (hardSigmoidOf(v) + (v > -3 && v < 3 ? v / 6f : 0f));
    }
  }

  private static void logSigmoid(float[] x, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      o[i] = g[i] * sigmoidOf(-x[i]);
    }
  }

  /** Leaky relu: g for x > 0, slope * g otherwise. */
  static void leakyRelu(float[] x, float slope, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      o[i] = x[i] > 0 ? g[i] : slope * g[i];
    }
  }

  /** Elu: g for x > 0, g * alpha * e^x otherwise. */
  static void elu(float[] x, float alpha, float[] g, float[] o, int n) {
    for (int i = 0; i < n; i++) {
      float v = x[i];
      o[i] = v > 0 ? g[i] : (float) (g[i] * (alpha * Math.exp(v)));
    }
  }
}

package io.keras4j.backend.jvm;

/** {@link UnaryLoops} in plain Java, with double-precision intermediates. */
class ScalarUnaryLoops implements UnaryLoops {
  static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  static final double SELU_SCALE = 1.0507009873554804934193349852946;
  static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
  static final double INV_SQRT_2 = 1 / Math.sqrt(2);
  static final double GELU_CUBIC = 0.044715;

  /** 1 / (1 + e^-v), never exponentiating a positive number. */
  static float sigmoidOf(float v) {
    if (v >= 0) {
      return (float) (1.0 / (1.0 + Math.exp(-v)));
    }
    double e = Math.exp(v);
    return (float) (e / (1.0 + e));
  }

  static float hardSigmoidOf(float v) {
    return Math.min(Math.max(v / 6f + 0.5f, 0f), 1f);
  }

  @Override
  public void negative(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = -a[aOff + i];
    }
  }

  @Override
  public void abs(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.abs(a[aOff + i]);
    }
  }

  @Override
  public void sign(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.signum(a[aOff + i]);
    }
  }

  @Override
  public void square(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = v * v;
    }
  }

  @Override
  public void sqrt(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.sqrt(a[aOff + i]);
    }
  }

  @Override
  public void rsqrt(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) (1.0 / Math.sqrt(a[aOff + i]));
    }
  }

  @Override
  public void exp(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.exp(a[aOff + i]);
    }
  }

  @Override
  public void expm1(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.expm1(a[aOff + i]);
    }
  }

  @Override
  public void log(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.log(a[aOff + i]);
    }
  }

  @Override
  public void log1p(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.log1p(a[aOff + i]);
    }
  }

  @Override
  public void tanh(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.tanh(a[aOff + i]);
    }
  }

  @Override
  public void sigmoid(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = sigmoidOf(a[aOff + i]);
    }
  }

  @Override
  public void relu(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.max(a[aOff + i], 0f); // NaN stays NaN, as in the vector lanes
    }
  }

  @Override
  public void softplus(float[] a, int aOff, float[] out, int oOff, int n) {
    // log(1 + e^x) = max(x, 0) + log1p(e^-|x|)
    for (int i = 0; i < n; i++) {
      double v = a[aOff + i];
      out[oOff + i] = (float) (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
    }
  }

  @Override
  public void softsign(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = v / (1f + Math.abs(v));
    }
  }

  @Override
  public void erf(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Erf.erf(a[aOff + i]);
    }
  }

  @Override
  public void sin(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.sin(a[aOff + i]);
    }
  }

  @Override
  public void cos(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.cos(a[aOff + i]);
    }
  }

  @Override
  public void reciprocal(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = 1f / a[aOff + i];
    }
  }

  @Override
  public void floor(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.floor(a[aOff + i]);
    }
  }

  @Override
  public void ceil(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.ceil(a[aOff + i]);
    }
  }

  @Override
  public void round(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (float) Math.rint(a[aOff + i]);
    }
  }

  @Override
  public void clip(float[] a, int aOff, float min, float max, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.min(Math.max(a[aOff + i], min), max);
    }
  }

  @Override
  public void toInt(float[] a, int aOff, int[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = (int) a[aOff + i];
    }
  }

  @Override
  public void toFloat(int[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = a[aOff + i];
    }
  }

  @Override
  public void relu6(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = Math.min(Math.max(a[aOff + i], 0f), 6f);
    }
  }

  @Override
  public void leakyRelu(float[] a, int aOff, float slope, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = v >= 0 ? v : slope * v;
    }
  }

  @Override
  public void elu(float[] a, int aOff, float alpha, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = v >= 0 ? v : (float) (alpha * Math.expm1(v));
    }
  }

  @Override
  public void selu(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = (float) (SELU_SCALE * (v >= 0 ? v : SELU_ALPHA * Math.expm1(v)));
    }
  }

  @Override
  public void gelu(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      double v = a[aOff + i];
      out[oOff + i] = (float) (0.5 * v * (1 + Erf.erf(v * INV_SQRT_2)));
    }
  }

  @Override
  public void geluApproximate(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      double v = a[aOff + i];
      out[oOff + i] =
          (float) (0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v))));
    }
  }

  @Override
  public void silu(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = v * sigmoidOf(v);
    }
  }

  @Override
  public void hardSigmoid(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      out[oOff + i] = hardSigmoidOf(a[aOff + i]);
    }
  }

  @Override
  public void hardSilu(float[] a, int aOff, float[] out, int oOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = a[aOff + i];
      out[oOff + i] = v * hardSigmoidOf(v);
    }
  }

  @Override
  public void logSigmoid(float[] a, int aOff, float[] out, int oOff, int n) {
    // log(sigmoid(x)) = min(x, 0) - log1p(e^-|x|)
    for (int i = 0; i < n; i++) {
      double v = a[aOff + i];
      out[oOff + i] = (float) (Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))));
    }
  }
}

package io.keras4j.backend.jvm;

/**
 * The forward loops of the elementwise functions, one method per function: {@code out[oOff + i] =
 * f(a[aOff + i])} for i in [0, n). {@code out} may be {@code a} itself at the same offset.
 *
 * <p>Two implementations: {@link ScalarUnaryLoops} (plain Java, double-precision intermediates) and
 * {@link VectorUnaryLoops} (the Vector API, float lanes; scalar tails), chosen once per process by
 * {@link Loops}. They agree within float32 rounding (a few ulp).
 */
interface UnaryLoops {
  void negative(float[] a, int aOff, float[] out, int oOff, int n);

  void abs(float[] a, int aOff, float[] out, int oOff, int n);

  void sign(float[] a, int aOff, float[] out, int oOff, int n);

  void square(float[] a, int aOff, float[] out, int oOff, int n);

  void sqrt(float[] a, int aOff, float[] out, int oOff, int n);

  void rsqrt(float[] a, int aOff, float[] out, int oOff, int n);

  void exp(float[] a, int aOff, float[] out, int oOff, int n);

  void expm1(float[] a, int aOff, float[] out, int oOff, int n);

  void log(float[] a, int aOff, float[] out, int oOff, int n);

  void log1p(float[] a, int aOff, float[] out, int oOff, int n);

  void tanh(float[] a, int aOff, float[] out, int oOff, int n);

  void sigmoid(float[] a, int aOff, float[] out, int oOff, int n);

  void relu(float[] a, int aOff, float[] out, int oOff, int n);

  void softplus(float[] a, int aOff, float[] out, int oOff, int n);

  void softsign(float[] a, int aOff, float[] out, int oOff, int n);

  void erf(float[] a, int aOff, float[] out, int oOff, int n);

  void sin(float[] a, int aOff, float[] out, int oOff, int n);

  void cos(float[] a, int aOff, float[] out, int oOff, int n);

  void reciprocal(float[] a, int aOff, float[] out, int oOff, int n);

  void floor(float[] a, int aOff, float[] out, int oOff, int n);

  void ceil(float[] a, int aOff, float[] out, int oOff, int n);

  /** Half to even. */
  void round(float[] a, int aOff, float[] out, int oOff, int n);

  void clip(float[] a, int aOff, float min, float max, float[] out, int oOff, int n);

  /** {@code out = (int) a}: toward zero, NaN to 0, saturating at the int range (Java's cast). */
  void toInt(float[] a, int aOff, int[] out, int oOff, int n);

  /** {@code out = (float) a}. */
  void toFloat(int[] a, int aOff, float[] out, int oOff, int n);

  // ---- activations -------------------------------------------------------------------------

  void relu6(float[] a, int aOff, float[] out, int oOff, int n);

  void leakyRelu(float[] a, int aOff, float slope, float[] out, int oOff, int n);

  void elu(float[] a, int aOff, float alpha, float[] out, int oOff, int n);

  void selu(float[] a, int aOff, float[] out, int oOff, int n);

  void gelu(float[] a, int aOff, float[] out, int oOff, int n);

  void geluApproximate(float[] a, int aOff, float[] out, int oOff, int n);

  void silu(float[] a, int aOff, float[] out, int oOff, int n);

  void hardSigmoid(float[] a, int aOff, float[] out, int oOff, int n);

  void hardSilu(float[] a, int aOff, float[] out, int oOff, int n);

  void logSigmoid(float[] a, int aOff, float[] out, int oOff, int n);
}

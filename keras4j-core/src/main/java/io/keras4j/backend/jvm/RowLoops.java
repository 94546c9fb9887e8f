package io.keras4j.backend.jvm;

/**
 * The loops of the reductions and of softmax along contiguous runs: a whole run reduced to one
 * number ({@code sum}, {@code max}, {@code expSum}, {@code dot}), or a run combined into another
 * ({@code addTo}: {@code out += a}).
 *
 * <p>{@link ScalarRowLoops} in plain Java (double accumulators), {@link VectorRowLoops} with the
 * Vector API (float lanes); chosen once per process by {@link Loops}. They agree within float32
 * rounding of the sums.
 */
interface RowLoops {
  /** The sum of {@code a[off, off + n)} (0 when n is 0). */
  float sum(float[] a, int off, int n);

  /** The largest value (NaN if any is NaN; -infinity when n is 0). */
  float max(float[] a, int off, int n);

  /** The smallest value (NaN if any is NaN; +infinity when n is 0). */
  float min(float[] a, int off, int n);

  /** {@code out[oOff + i] += a[aOff + i]}. */
  void addTo(float[] a, int aOff, float[] out, int oOff, int n);

  /** {@code out[oOff + i] = max(out[oOff + i], a[aOff + i])} (NaN propagates). */
  void maxTo(float[] a, int aOff, float[] out, int oOff, int n);

  /** {@code out[oOff + i] = min(out[oOff + i], a[aOff + i])} (NaN propagates). */
  void minTo(float[] a, int aOff, float[] out, int oOff, int n);

  /** The sum of {@code exp(a[i] - shift)}. */
  float expSum(float[] a, int off, float shift, int n);

  /** {@code out[oOff + i] = exp(a[aOff + i] - shift)}; returns their sum. */
  float expStore(float[] a, int aOff, float shift, float[] out, int oOff, int n);

  /** {@code sum(a[i] * (b[i] - shift))}: a dot product with b shifted, without cancellation. */
  float dotShifted(float[] a, int aOff, float[] b, int bOff, float shift, int n);

  /** The dot product of two runs. */
  float dot(float[] a, int aOff, float[] b, int bOff, int n);

  /** Softmax's gradient along a run: {@code out = y * (g - dot)}. */
  void softmaxGrad(
      float[] y, int yOff, float[] g, int gOff, float dot, float[] out, int oOff, int n);

  /** Log-softmax's gradient along a run: {@code out = g - exp(y) * sum}. */
  void logSoftmaxGrad(
      float[] y, int yOff, float[] g, int gOff, float sum, float[] out, int oOff, int n);
}

package io.keras4j.backend.jvm;

/**
 * The loops of the binary arithmetic, one method per operation and layout: two runs of n values
 * ({@code add}), a run and a scalar ({@code addScalar}), and, for the operations that do not
 * commute, the scalar first ({@code scalarSub}). Broadcasting is built from these runs (see {@link
 * BroadcastCursor}). {@code out} may alias an input at the same offset.
 *
 * <p>{@link ScalarBinaryLoops} in plain Java, {@link VectorBinaryLoops} with the Vector API (power
 * stays scalar); chosen once per process by {@link Loops}. Both round each result once to float32,
 * so they agree exactly except power.
 */
interface BinaryLoops {
  /** {@code out = a + b}, two runs. */
  void add(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = a + s}, a run and a scalar. */
  void addScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** {@code out = a - b}, two runs. */
  void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = a - s}, a run and a scalar. */
  void subScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** The scalar first: {@code out = s - b}. */
  void scalarSub(float s, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = a * b}, two runs. */
  void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = a * s}, a run and a scalar. */
  void mulScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** {@code out = a / b}, two runs. */
  void div(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = a / s}, a run and a scalar. */
  void divScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** The scalar first: {@code out = s / b}. */
  void scalarDiv(float s, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = Math.max(a, b)}, two runs. */
  void max(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = Math.max(a, s)}, a run and a scalar. */
  void maxScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** {@code out = Math.min(a, b)}, two runs. */
  void min(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = Math.min(a, s)}, a run and a scalar. */
  void minScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** {@code out = (float) Math.pow(a, b)}, two runs. */
  void pow(float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);

  /** {@code out = (float) Math.pow(a, s)}, a run and a scalar. */
  void powScalar(float[] a, int aOff, float s, float[] out, int oOff, int n);

  /** The scalar first: {@code out = (float) Math.pow(s, b)}. */
  void scalarPow(float s, float[] b, int bOff, float[] out, int oOff, int n);
}

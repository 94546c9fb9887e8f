package io.keras4j.backend.jvm;

/**
 * The narrow set of numeric kernels every backend provides. Arrays are row-major float32 with
 * explicit offsets; kernels never allocate in their inner loops and never keep references.
 *
 * <p>The JVM backend has two implementations behind this interface, a Vector API one and a scalar
 * one; {@link Backend#kernels()} picks one once per process.
 */
public interface Kernels {

  /** A short description, e.g. {@code "vector (256-bit, 8 floats)"} or {@code "scalar"}. */
  String name();

  /**
   * General matrix multiply: {@code C = op(A) * op(B) (+ C when accumulate)}, where {@code op(X)}
   * is X or its transpose. {@code op(A)} is m x k, {@code op(B)} is k x n, C is m x n; {@code lda},
   * {@code ldb}, {@code ldc} are the row strides of the stored (untransposed) arrays.
   */
  void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int lda,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate);

  /** {@code out[i] = a[i] + b[i]} for i in [0, n). */
  void add(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** {@code out[i] = a[i] - b[i]}. */
  void sub(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** {@code out[i] = a[i] * b[i]}. */
  void mul(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** {@code out[i] = a[i] / b[i]}. */
  void div(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff, int n);

  /** {@code out[i] = a[i] * s}. */
  void scale(float[] a, int aOff, float s, float[] out, int outOff, int n);

  /** {@code y[i] += alpha * x[i]}. */
  void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

  /** Sum of {@code a[off .. off+n)}. */
  float sum(float[] a, int off, int n);

  /** Dot product of two runs of n values. */
  float dot(float[] a, int aOff, float[] b, int bOff, int n);

  /** Largest of {@code a[off .. off+n)} (n > 0). */
  float max(float[] a, int off, int n);

  /** {@code out[i] = max(a[i], 0)}. */
  void relu(float[] a, int aOff, float[] out, int outOff, int n);
}

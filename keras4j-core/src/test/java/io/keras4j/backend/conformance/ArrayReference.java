package io.keras4j.backend.conformance;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import java.util.Random;

/**
 * Plain double-precision references for the array family, written with naive loops over
 * multi-indices, and the inputs the conformance suites feed both.
 */
final class ArrayReference {
  private ArrayReference() {}

  /** Values in [-2, 2] from a seed. */
  static Tensor rand(long seed, int... shape) {
    Random r = new Random(seed);
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (4 * r.nextDouble() - 2);
    }
    return Tensor.of(v, shape);
  }

  /** Distinct integers 0, 1, 2, ... as int32: each output value names the input it came from. */
  static Tensor iota(int... shape) {
    int[] v = new int[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.ofInts(v, shape);
  }

  static double[] doubles(Tensor t) {
    float[] f = t.toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /** The multi-index of a flat position. */
  static int[] unflatten(int flat, int[] shape) {
    int[] at = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = shape[d] == 0 ? 0 : flat % shape[d];
      flat = shape[d] == 0 ? 0 : flat / shape[d];
    }
    return at;
  }

  static int flatten(int[] at, int[] shape) {
    int flat = 0;
    for (int d = 0; d < shape.length; d++) {
      flat = flat * shape[d] + at[d];
    }
    return flat;
  }

  /** {@code op(A) op(B)} for one pair of 2-D blocks stored row-major at the given offsets. */
  static void matmul2d(
      double[] a,
      int aOff,
      int aCols,
      boolean transA,
      double[] b,
      int bOff,
      int bCols,
      boolean transB,
      int m,
      int n,
      int k,
      double[] out,
      int oOff) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double x = transA ? a[aOff + p * aCols + i] : a[aOff + i * aCols + p];
          double y = transB ? b[bOff + j * bCols + p] : b[bOff + p * bCols + j];
          s += x * y;
        }
        out[oOff + i * n + j] = s;
      }
    }
  }

  static double activate(FusedActivation act, double z) {
    return switch (act) {
      case LINEAR -> z;
      case RELU -> Math.max(z, 0);
      case SIGMOID -> 1 / (1 + Math.exp(-z));
      case TANH -> Math.tanh(z);
    };
  }

  /** The activation's derivative from its output y. */
  static double derivative(FusedActivation act, double y) {
    return switch (act) {
      case LINEAR -> 1;
      case RELU -> y > 0 ? 1 : 0;
      case SIGMOID -> y * (1 - y);
      case TANH -> 1 - y * y;
    };
  }

  /** {@code act(x w + b)} in double, x as {@code rows} rows of k. */
  static double[] linear(
      double[] x, double[] w, double[] b, int rows, int k, int n, FusedActivation act) {
    double[] out = new double[rows * n];
    matmul2d(x, 0, k, false, w, 0, n, false, rows, n, k, out, 0);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        double z = out[i * n + j] + (b == null ? 0 : b[j]);
        out[i * n + j] = activate(act, z);
      }
    }
    return out;
  }

  /** The output of a strided gather: out[idx] = x[sum(idx[d] * strides[d])]. */
  static double[] gatherStrided(double[] x, int[] outShape, int[] strides) {
    double[] out = new double[(int) Shapes.size(outShape)];
    for (int i = 0; i < out.length; i++) {
      int[] at = unflatten(i, outShape);
      int src = 0;
      for (int d = 0; d < at.length; d++) {
        src += at[d] * strides[d];
      }
      out[i] = x[src];
    }
    return out;
  }
}

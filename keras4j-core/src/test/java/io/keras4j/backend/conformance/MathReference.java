package io.keras4j.backend.conformance;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Plain double-precision references for the math and nn conformance suites: naive loops over
 * multi-indices (numpy broadcasting, reductions over axes, lines along an axis), seeded inputs, and
 * a comparison that treats infinities and NaN exactly.
 */
final class MathReference {
  private MathReference() {}

  /** Lengths around vector widths (4, 8, 16 floats): empty, one, tails, a few vectors. */
  static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 100, 1027};

  /** Uniform values in [lo, hi), as a tensor of {@code shape}. */
  static Tensor uniform(long seed, double lo, double hi, int... shape) {
    Random r = new Random(seed);
    float[] v = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return Tensor.of(v, shape);
  }

  /** A float32 tensor of the given values. */
  static Tensor tensor(double[] v, int... shape) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.of(f, shape);
  }

  /** A 0/1 mask {@code [time, batch]} with about 30% zeros, seeded. */
  static double[] randomMask(long seed, int time, int batch) {
    Random rnd = new Random(seed);
    double[] m = new double[time * batch];
    for (int i = 0; i < m.length; i++) {
      m[i] = rnd.nextDouble() < 0.3 ? 0 : 1;
    }
    return m;
  }

  static double[] doubles(Tensor t) {
    float[] f = t.toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  static double[] map(Tensor x, DoubleUnaryOperator f) {
    double[] d = doubles(x);
    for (int i = 0; i < d.length; i++) {
      d[i] = f.applyAsDouble(d[i]);
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

  /** The flat position in {@code shape} of an output multi-index, numpy-broadcast (trailing). */
  static int broadcastIndex(int[] outIndex, int[] shape) {
    int lead = outIndex.length - shape.length;
    int flat = 0;
    for (int d = 0; d < shape.length; d++) {
      int i = shape[d] == 1 ? 0 : outIndex[lead + d];
      flat = flat * shape[d] + i;
    }
    return flat;
  }

  /** {@code f(a, b)} with numpy broadcasting. */
  static double[] broadcast(Tensor a, Tensor b, DoubleBinaryOperator f) {
    int[] so = Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    double[] x = doubles(a);
    double[] y = doubles(b);
    double[] out = new double[(int) Shapes.size(so)];
    for (int i = 0; i < out.length; i++) {
      int[] at = unflatten(i, so);
      out[i] =
          f.applyAsDouble(
              x[broadcastIndex(at, ShapeRefs.of(a))], y[broadcastIndex(at, ShapeRefs.of(b))]);
    }
    return out;
  }

  /** Sums {@code g} (of shape {@code big}) down to {@code shape}, which broadcasts to it. */
  static double[] sumTo(double[] g, int[] big, int[] shape) {
    double[] out = new double[(int) Shapes.size(shape)];
    for (int i = 0; i < g.length; i++) {
      out[broadcastIndex(unflatten(i, big), shape)] += g[i];
    }
    return out;
  }

  /** Flags of the reduced axes (all when empty). */
  static boolean[] reduced(int rank, int[] axes) {
    boolean[] r = new boolean[rank];
    if (axes.length == 0) {
      Arrays.fill(r, true);
    }
    for (int a : axes) {
      r[a] = true;
    }
    return r;
  }

  /** The shape with reduced axes set to 1. */
  static int[] kept(int[] shape, boolean[] reduced) {
    int[] k = shape.clone();
    for (int d = 0; d < k.length; d++) {
      if (reduced[d]) {
        k[d] = 1;
      }
    }
    return k;
  }

  /** The reduced shape, with or without the size-1 axes. */
  static int[] reducedShape(int[] shape, boolean[] reduced, boolean keepdims) {
    int[] k = kept(shape, reduced);
    if (keepdims) {
      return k;
    }
    int n = 0;
    for (boolean b : reduced) {
      n += b ? 0 : 1;
    }
    int[] s = new int[n];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (!reduced[d]) {
        s[j++] = shape[d];
      }
    }
    return s;
  }

  /** For each element of x, the flat index of its output in the kept shape. */
  static int[] outputOf(int[] shape, boolean[] reduced) {
    int[] k = kept(shape, reduced);
    int[] map = new int[(int) Shapes.size(shape)];
    for (int i = 0; i < map.length; i++) {
      map[i] = broadcastIndex(unflatten(i, shape), k);
    }
    return map;
  }

  /**
   * The flat indices of line {@code r} along {@code axis} (lines in row-major order of the rest).
   */
  static int[] line(int[] shape, int axis, int r) {
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int n = shape[axis];
    int base = (r / inner) * n * inner + r % inner;
    int[] idx = new int[n];
    for (int j = 0; j < n; j++) {
      idx[j] = base + j * inner;
    }
    return idx;
  }

  /** Number of lines along {@code axis}. */
  static int lines(int[] shape, int axis) {
    return shape[axis] == 0
        ? (int) (Shapes.size(withoutAxis(shape, axis)))
        : (int) (Shapes.size(shape) / shape[axis]);
  }

  static int[] withoutAxis(int[] shape, int axis) {
    int[] s = new int[shape.length - 1];
    for (int d = 0, j = 0; d < shape.length; d++) {
      if (d != axis) {
        s[j++] = shape[d];
      }
    }
    return s;
  }

  /**
   * erf by Simpson's rule on {@code 2/sqrt(pi) exp(-t^2)} (4000 intervals: error far below 1e-12;
   * +-1 beyond 6), independent of the backend's own series.
   */
  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    if (Math.abs(x) > 6) {
      return Math.copySign(1, x); // erfc(6) < 3e-17: 1 in double
    }
    double ax = Math.abs(x);
    int n = 4000;
    double h = ax / n;
    double s = 1 + Math.exp(-ax * ax);
    for (int i = 1; i < n; i++) {
      double t = i * h;
      s += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
    }
    double r = 2 / Math.sqrt(Math.PI) * s * h / 3;
    return x < 0 ? -r : r;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /**
   * Fails unless {@code actual} has {@code shape} and each value is within {@code atol + rtol *
   * |expected|} of the expected one rounded to float32; an infinite or NaN expectation must be met
   * exactly.
   */
  static void assertClose(
      String what, int[] shape, double[] expected, Tensor actual, double rtol, double atol) {
    if (!Arrays.equals(shape, ShapeRefs.of(actual))) {
      throw new AssertionError(
          what
              + ": expected shape "
              + Arrays.toString(shape)
              + ", actual "
              + Arrays.toString(ShapeRefs.of(actual)));
    }
    float[] a = actual.toFloatArray();
    if (a.length != expected.length) {
      throw new AssertionError(what + ": expected " + expected.length + " values, got " + a.length);
    }
    for (int i = 0; i < a.length; i++) {
      float e = (float) expected[i];
      boolean ok;
      if (Float.isNaN(e)) {
        ok = Float.isNaN(a[i]);
      } else if (Float.isInfinite(e)) {
        ok = a[i] == e;
      } else {
        ok = Math.abs(a[i] - expected[i]) <= atol + rtol * Math.abs(expected[i]);
      }
      if (!ok) {
        throw new AssertionError(
            String.format(
                "%s, element %d %s of shape %s: expected %s, actual %s (rtol %s, atol %s)",
                what,
                i,
                Arrays.toString(unflatten(i, shape)),
                Arrays.toString(shape),
                expected[i],
                a[i],
                rtol,
                atol));
      }
    }
  }
}

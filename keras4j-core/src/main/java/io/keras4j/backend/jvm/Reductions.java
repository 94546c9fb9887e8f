package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.ReduceOp;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * Reductions over axes and their gradients, argmax/argmin and cumsum. A reduction walks its input
 * row by row ({@link ReducePlan}): a row along reduced axes goes through one vectorized row loop
 * ({@code sum}, {@code max}, ...); a row along kept axes is combined into the output run with one
 * (vectorized {@code addTo}, {@code maxTo}, ...).
 */
final class Reductions {
  private final RowLoops rows;
  private final BinaryLoops binary;

  Reductions(RowLoops rows, BinaryLoops binary) {
    this.rows = rows;
    this.binary = binary;
  }

  Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepdims) {
    int[] shape = ShapeRefs.of(x);
    boolean[] red = flags(shape.length, axes);
    ReducePlan p = ReducePlan.of(shape, red);
    float[] a = JvmTensors.floats(x);
    float[] out =
        switch (op) {
          case SUM -> sum(a, p);
          case MEAN -> mean(a, p);
          case MAX -> extreme(a, p, true);
          case MIN -> extreme(a, p, false);
          case LOGSUMEXP -> logsumexp(a, p);
        };
    return JvmTensors.wrap(out, outShape(shape, red, keepdims));
  }

  /** Sums g down to {@code shape}, which broadcasts to g's shape. */
  Tensor sumToShape(Tensor g, int[] shape) {
    int[] sg = ShapeRefs.of(g);
    if (Arrays.equals(sg, shape)) {
      return g;
    }
    int lead = sg.length - shape.length;
    boolean[] red = new boolean[sg.length];
    for (int d = 0; d < sg.length; d++) {
      red[d] = d < lead || (shape[d - lead] == 1 && sg[d] != 1);
    }
    return JvmTensors.wrap(sum(JvmTensors.floats(g), ReducePlan.of(sg, red)), shape.clone());
  }

  private float[] sum(float[] a, ReducePlan p) {
    float[] out = JvmTensors.zeroed(p.outSize);
    int len = p.len;
    if (p.lastReduced) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        out[p.outOff] += rows.sum(a, r * len, len);
      }
    } else {
      for (int r = 0; r < p.rows; r++, p.next()) {
        rows.addTo(a, r * len, out, p.outOff, len);
      }
    }
    return out;
  }

  private float[] mean(float[] a, ReducePlan p) {
    float[] out = sum(a, p);
    binary.divScalar(out, 0, (float) p.count, out, 0, out.length);
    return out;
  }

  private float[] extreme(float[] a, ReducePlan p, boolean max) {
    float[] out = JvmTensors.output(p.outSize);
    Arrays.fill(out, max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
    int len = p.len;
    if (p.lastReduced && max) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        out[p.outOff] = Math.max(out[p.outOff], rows.max(a, r * len, len));
      }
    } else if (p.lastReduced) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        out[p.outOff] = Math.min(out[p.outOff], rows.min(a, r * len, len));
      }
    } else if (max) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        rows.maxTo(a, r * len, out, p.outOff, len);
      }
    } else {
      for (int r = 0; r < p.rows; r++, p.next()) {
        rows.minTo(a, r * len, out, p.outOff, len);
      }
    }
    return out;
  }

  private float[] logsumexp(float[] a, ReducePlan p) {
    float[] m = extreme(a, p, true);
    p.reset();
    float[] s = JvmTensors.zeroed(p.outSize);
    int len = p.len;
    if (p.lastReduced) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        float mo = m[p.outOff];
        // An infinite maximum is the answer itself; shifting by it would give inf - inf.
        if (!Float.isInfinite(mo)) {
          s[p.outOff] += rows.expSum(a, r * len, mo, len);
        }
      }
    } else {
      for (int r = 0; r < p.rows; r++, p.next()) {
        int off = r * len;
        int o = p.outOff;
        for (int i = 0; i < len; i++) {
          s[o + i] += (float) Math.exp(a[off + i] - m[o + i]);
        }
      }
    }
    for (int o = 0; o < m.length; o++) {
      float mo = m[o];
      m[o] = Float.isInfinite(mo) ? mo : (float) (mo + Math.log(s[o]));
    }
    return m;
  }

  Tensor backward(ReduceOp op, Tensor x, Tensor y, Tensor dy, int[] axes) {
    int[] shape = ShapeRefs.of(x);
    ReducePlan p = ReducePlan.of(shape, flags(shape.length, axes));
    float[] a = JvmTensors.floats(x);
    float[] g = JvmTensors.floats(dy);
    float[] gx = JvmTensors.output(a.length);
    switch (op) {
      case SUM -> spread(g, p, 1, gx);
      case MEAN -> spread(g, p, p.count, gx);
      case MAX, MIN -> ties(a, JvmTensors.floats(y), g, p, gx);
      case LOGSUMEXP -> softmaxOfReduced(a, JvmTensors.floats(y), g, p, gx);
    }
    return JvmTensors.wrap(gx, x.shape());
  }

  /** gx = dy / count, broadcast over the reduced axes. */
  private void spread(float[] g, ReducePlan p, long count, float[] gx) {
    int len = p.len;
    float c = (float) count;
    if (p.lastReduced) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        Arrays.fill(gx, r * len, (r + 1) * len, g[p.outOff] / c);
      }
    } else if (count == 1) {
      for (int r = 0; r < p.rows; r++, p.next()) {
        System.arraycopy(g, p.outOff, gx, r * len, len);
      }
    } else {
      for (int r = 0; r < p.rows; r++, p.next()) {
        binary.divScalar(g, p.outOff, c, gx, r * len, len);
      }
    }
  }

  /** The gradient of max or min: dy shared equally between the values equal to the result. */
  private static void ties(float[] a, float[] y, float[] g, ReducePlan p, float[] gx) {
    float[] count = JvmTensors.zeroed(p.outSize);
    int len = p.len;
    for (int r = 0; r < p.rows; r++, p.next()) {
      int off = r * len;
      int o = p.outOff;
      if (p.lastReduced) {
        float v = y[o];
        int c = 0;
        for (int i = 0; i < len; i++) {
          c += a[off + i] == v ? 1 : 0;
        }
        count[o] += c;
      } else {
        for (int i = 0; i < len; i++) {
          count[o + i] += a[off + i] == y[o + i] ? 1 : 0;
        }
      }
    }
    p.reset();
    for (int r = 0; r < p.rows; r++, p.next()) {
      int off = r * len;
      int o = p.outOff;
      if (p.lastReduced) {
        float v = y[o];
        float share = g[o] / count[o];
        for (int i = 0; i < len; i++) {
          gx[off + i] = a[off + i] == v ? share : 0f;
        }
      } else {
        for (int i = 0; i < len; i++) {
          gx[off + i] = a[off + i] == y[o + i] ? g[o + i] / count[o + i] : 0f;
        }
      }
    }
  }

  /** The gradient of logsumexp: dy * exp(x - y), the softmax over the reduced elements. */
  private static void softmaxOfReduced(float[] a, float[] y, float[] g, ReducePlan p, float[] gx) {
    int len = p.len;
    for (int r = 0; r < p.rows; r++, p.next()) {
      int off = r * len;
      int o = p.outOff;
      if (p.lastReduced) {
        double go = g[o];
        float yo = y[o];
        for (int i = 0; i < len; i++) {
          gx[off + i] = (float) (go * Math.exp(a[off + i] - yo));
        }
      } else {
        for (int i = 0; i < len; i++) {
          gx[off + i] = (float) (g[o + i] * Math.exp(a[off + i] - y[o + i]));
        }
      }
    }
  }

  // ---- along one axis ------------------------------------------------------------------------

  /** Index of the largest (or smallest) value along an axis, the first on ties; int32. */
  static Tensor argExtreme(Tensor x, int axis, boolean max) {
    int[] shape = ShapeRefs.of(x);
    Lines l = Lines.of(shape, axis);
    float[] a = JvmTensors.floats(x);
    int n = l.n();
    int inner = l.inner();
    int[] out = new int[l.outer() * inner];
    float[] best = inner > 1 ? new float[inner] : null;
    for (int o = 0; o < l.outer(); o++) {
      int base = o * n * inner;
      int ob = o * inner;
      if (inner == 1) {
        int bi = 0;
        float bv = a[base];
        for (int j = 1; j < n; j++) {
          float v = a[base + j];
          if (max ? v > bv : v < bv) {
            bv = v;
            bi = j;
          }
        }
        out[ob] = bi;
        continue;
      }
      System.arraycopy(a, base, best, 0, inner);
      for (int j = 1; j < n; j++) {
        int row = base + j * inner;
        for (int i = 0; i < inner; i++) {
          float v = a[row + i];
          if (max ? v > best[i] : v < best[i]) {
            best[i] = v;
            out[ob + i] = j;
          }
        }
      }
    }
    boolean[] red = new boolean[shape.length];
    red[axis] = true;
    return JvmTensors.wrapInts(out, outShape(shape, red, false));
  }

  /** Running sum along an axis in the input's dtype. */
  Tensor cumsum(Tensor x, int axis, boolean reverse) {
    int[] shape = x.shape();
    Lines l = Lines.of(shape, axis);
    int n = l.n();
    int inner = l.inner();
    int first = reverse ? n - 1 : 0;
    int dir = reverse ? -1 : 1;
    if (x.dtype() == DType.INT32) {
      int[] a = JvmTensors.ints(x);
      int[] out = new int[a.length];
      for (int o = 0; o < l.outer(); o++) {
        int base = o * n * inner;
        for (int i = 0; i < inner; i++) {
          int acc = 0;
          for (int j = 0, p = base + first * inner + i; j < n; j++, p += dir * inner) {
            acc += a[p];
            out[p] = acc;
          }
        }
      }
      return JvmTensors.wrapInts(out, shape);
    }
    float[] a = JvmTensors.floats(x);
    float[] out = JvmTensors.output(a.length);
    for (int o = 0; o < l.outer() && n > 0; o++) {
      int base = o * n * inner;
      if (inner == 1) {
        float acc = 0;
        for (int j = 0, p = base + first; j < n; j++, p += dir) {
          acc += a[p];
          out[p] = acc;
        }
        continue;
      }
      int prev = base + first * inner;
      System.arraycopy(a, prev, out, prev, inner);
      for (int j = 1; j < n; j++) {
        int row = prev + dir * inner;
        binary.add(out, prev, a, row, out, row, inner);
        prev = row;
      }
    }
    return JvmTensors.wrap(out, shape);
  }

  // ---- shapes --------------------------------------------------------------------------------

  /** Flags for the reduced axes (all when {@code axes} is empty). */
  static boolean[] flags(int rank, int[] axes) {
    boolean[] r = new boolean[rank];
    if (axes == null || axes.length == 0) {
      Arrays.fill(r, true);
      return r;
    }
    for (int a : axes) {
      r[a] = true;
    }
    return r;
  }

  static int[] outShape(int[] shape, boolean[] reduced, boolean keepdims) {
    int n = 0;
    for (int i = 0; i < shape.length; i++) {
      n += reduced[i] && !keepdims ? 0 : 1;
    }
    int[] s = new int[n];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (!reduced[i]) {
        s[j++] = shape[i];
      } else if (keepdims) {
        s[j++] = 1;
      }
    }
    return s;
  }

  /** The (outer, n, inner) decomposition of a shape around one axis. */
  record Lines(int outer, int n, int inner) {
    static Lines of(int[] shape, int axis) {
      int outer = 1;
      for (int i = 0; i < axis; i++) {
        outer *= shape[i];
      }
      int inner = 1;
      for (int i = axis + 1; i < shape.length; i++) {
        inner *= shape[i];
      }
      return new Lines(outer, shape[axis], inner);
    }
  }
}

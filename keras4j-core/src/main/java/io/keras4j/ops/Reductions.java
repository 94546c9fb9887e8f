package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;

/** Sum, mean, max, min and argmax over axes, with {@code keepdims} as in Keras; and cumsum. */
final class Reductions {
  private Reductions() {}

  /** Normalized, de-duplicated axes; all axes when {@code axes} is null or empty. */
  static boolean[] reducedAxes(int rank, int[] axes) {
    boolean[] r = new boolean[rank];
    if (axes == null || axes.length == 0) {
      java.util.Arrays.fill(r, true);
      return r;
    }
    for (int a : axes) {
      r[Shapes.axis(a, rank)] = true;
    }
    return r;
  }

  static int[] keptShape(int[] shape, boolean[] reduced) {
    int[] s = shape.clone();
    for (int i = 0; i < s.length; i++) {
      if (reduced[i]) {
        s[i] = 1;
      }
    }
    return s;
  }

  static int[] outShape(int[] shape, boolean[] reduced, boolean keepdims) {
    if (keepdims) {
      return keptShape(shape, reduced);
    }
    int n = 0;
    for (boolean r : reduced) {
      n += r ? 0 : 1;
    }
    int[] s = new int[n];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (!reduced[i]) {
        s[j++] = shape[i];
      }
    }
    return s;
  }

  static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    int[] shape = x.shapeRef();
    boolean[] red = reducedAxes(shape.length, axes);
    int[] kept = keptShape(shape, red);
    Tensor summed = Broadcasting.sumToShape(x.asFloat(), kept);
    Tensor out = Tensor.wrap(summed.floats(), outShape(shape, red, keepdims));
    GradientTape.record(
        out, new Tensor[] {x}, g -> new Tensor[] {Ops.broadcastTo(Ops.reshape(g, kept), shape)});
    return out;
  }

  static Tensor mean(Tensor x, int[] axes, boolean keepdims) {
    int[] shape = x.shapeRef();
    boolean[] red = reducedAxes(shape.length, axes);
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      if (red[i]) {
        count *= shape[i];
      }
    }
    return Ops.divide(sum(x, axes, keepdims), Tensor.scalar((float) count));
  }

  /** Max (sign = 1) or min (sign = -1); the gradient is shared equally between ties. */
  static Tensor extreme(Tensor x, int[] axes, boolean keepdims, boolean max) {
    int[] shape = x.shapeRef();
    if (x.size() == 0) {
      throw new IllegalArgumentException(
          (max ? "max" : "min") + " of an empty tensor. Received: shape=" + Shapes.toString(shape));
    }
    boolean[] red = reducedAxes(shape.length, axes);
    int[] kept = keptShape(shape, red);
    float[] src = x.asFloat().floats();
    float[] out = io.keras4j.backend.Buffers.floats((int) Shapes.size(kept));
    java.util.Arrays.fill(out, max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
    int[] map = indexMap(shape, kept);
    for (int i = 0; i < src.length; i++) {
      int o = map[i];
      float v = src[i];
      if (max ? (v > out[o] || Float.isNaN(v)) : (v < out[o] || Float.isNaN(v))) {
        out[o] = v;
      }
    }
    Tensor result = Tensor.wrap(out, outShape(shape, red, keepdims));
    GradientTape.record(
        result,
        new Tensor[] {x},
        g -> {
          float[] gv = g.floats();
          float[] count = io.keras4j.backend.Buffers.floats(out.length);
          for (int i = 0; i < src.length; i++) {
            if (src[i] == out[map[i]]) {
              count[map[i]]++;
            }
          }
          float[] gx = io.keras4j.backend.Buffers.floats(src.length);
          for (int i = 0; i < src.length; i++) {
            int o = map[i];
            if (src[i] == out[o]) {
              gx[i] = gv[o] / count[o];
            }
          }
          return new Tensor[] {Tensor.wrap(gx, shape.clone())};
        });
    return result;
  }

  /** Index of the largest value along one axis (first one on ties), int32. */
  static Tensor argmax(Tensor x, int axis, boolean max) {
    int[] shape = x.shapeRef();
    int ax = Shapes.axis(axis, shape.length);
    int outer = 1;
    for (int i = 0; i < ax; i++) {
      outer *= shape[i];
    }
    int n = shape[ax];
    int inner = (int) (x.size() / ((long) outer * n));
    float[] src = x.asFloat().floats();
    int[] out = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int best = 0;
        float bv = src[o * n * inner + in];
        for (int j = 1; j < n; j++) {
          float v = src[(o * n + j) * inner + in];
          if (max ? v > bv : v < bv) {
            bv = v;
            best = j;
          }
        }
        out[o * inner + in] = best;
      }
    }
    boolean[] red = new boolean[shape.length];
    red[ax] = true;
    return Tensor.wrapInts(out, outShape(shape, red, false));
  }

  /** For each element of {@code shape}, its flat index in the broadcast-reduced {@code kept}. */
  static int[] indexMap(int[] shape, int[] kept) {
    int total = (int) Shapes.size(shape);
    int[] map = new int[total];
    int rank = shape.length;
    int[] t = Broadcasting.broadcastStrides(kept, shape);
    int[] idx = new int[rank];
    int io = 0;
    for (int i = 0; i < total; i++) {
      map[i] = io;
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        io += t[d];
        if (idx[d] < shape[d]) {
          break;
        }
        io -= t[d] * shape[d];
        idx[d] = 0;
      }
    }
    return map;
  }

  /**
   * Running sum along an axis, accumulated in float32 as numpy does; int32 stays int32. The
   * gradient is the reverse running sum of the output gradient.
   */
  static Tensor cumsum(Tensor x, int axis) {
    int[] shape = x.shape();
    SoftmaxOps.Lines l = SoftmaxOps.Lines.of(shape, axis);
    if (x.dtype() == io.keras4j.DType.INT32) {
      int[] src = x.ints();
      int[] out = new int[src.length];
      for (int o = 0; o < l.outer(); o++) {
        for (int i = 0; i < l.inner(); i++) {
          int acc = 0;
          for (int j = 0, p = l.base(o, i); j < l.n(); j++, p += l.inner()) {
            acc += src[p];
            out[p] = acc;
          }
        }
      }
      return Tensor.wrapInts(out, shape);
    }
    Tensor out = Tensor.wrap(scan(x.floats(), l, false), shape);
    GradientTape.record(
        out, new Tensor[] {x}, g -> new Tensor[] {Tensor.wrap(scan(g.floats(), l, true), shape)});
    return out;
  }

  private static float[] scan(float[] src, SoftmaxOps.Lines l, boolean reverse) {
    float[] out = io.keras4j.backend.Buffers.floats(src.length);
    int step = reverse ? -l.inner() : l.inner();
    for (int o = 0; o < l.outer(); o++) {
      for (int i = 0; i < l.inner(); i++) {
        float acc = 0;
        int p = l.base(o, i) + (reverse ? (l.n() - 1) * l.inner() : 0);
        for (int j = 0; j < l.n(); j++, p += step) {
          acc += src[p];
          out[p] = acc;
        }
      }
    }
    return out;
  }
}

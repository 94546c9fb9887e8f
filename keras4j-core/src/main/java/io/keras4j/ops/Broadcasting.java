package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.Kernels;
import java.util.Arrays;

/** Numpy broadcasting for elementwise ops, and its adjoint (summing a gradient back to a shape). */
final class Broadcasting {
  private Broadcasting() {}

  /** A function of two floats. */
  @FunctionalInterface
  interface FloatBinary {
    float apply(float a, float b);
  }

  /** Which kernel serves the contiguous case, if any. */
  enum Fast {
    ADD,
    SUB,
    MUL,
    DIV,
    NONE
  }

  /** {@code out = f(a, b)} with numpy broadcasting, float32. */
  static Tensor apply(Tensor a, Tensor b, FloatBinary f, Fast fast) {
    float[] x = a.asFloat().floats();
    float[] y = b.asFloat().floats();
    int[] sa = a.shapeRef();
    int[] sb = b.shapeRef();
    int[] so = Shapes.broadcast(sa, sb);
    float[] out = io.keras4j.backend.Buffers.floats((int) Shapes.size(so));
    Kernels k = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    if (Arrays.equals(sa, sb)) {
      if (!run(k, fast, x, 0, y, 0, out, 0, out.length)) {
        for (int i = 0; i < out.length; i++) {
          out[i] = f.apply(x[i], y[i]);
        }
      }
      return Tensor.wrap(out, so);
    }
    // b repeats along the leading axes of a (e.g. a bias over a batch): row-wise kernels.
    if (Arrays.equals(sa, so) && isSuffix(sb, sa) && y.length > 0 && fast != Fast.NONE) {
      int n = y.length;
      for (int off = 0; off < out.length; off += n) {
        run(k, fast, x, off, y, 0, out, off, n);
      }
      return Tensor.wrap(out, so);
    }
    if (y.length == 1) {
      // A one-element b adds no elements: out has x's values in x's order.
      float v = y[0];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.apply(x[i], v);
      }
      return Tensor.wrap(out, so);
    }
    int rank = so.length;
    int[] ta = broadcastStrides(sa, so);
    int[] tb = broadcastStrides(sb, so);
    int[] idx = new int[rank];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = f.apply(x[ia], y[ib]);
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        ia += ta[d];
        ib += tb[d];
        if (idx[d] < so[d]) {
          break;
        }
        ia -= ta[d] * so[d];
        ib -= tb[d] * so[d];
        idx[d] = 0;
      }
    }
    return Tensor.wrap(out, so);
  }

  private static boolean run(
      Kernels k, Fast fast, float[] x, int xo, float[] y, int yo, float[] out, int oo, int n) {
    switch (fast) {
      case ADD -> k.add(x, xo, y, yo, out, oo, n);
      case SUB -> k.sub(x, xo, y, yo, out, oo, n);
      case MUL -> k.mul(x, xo, y, yo, out, oo, n);
      case DIV -> k.div(x, xo, y, yo, out, oo, n);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean isSuffix(int[] small, int[] big) {
    if (small.length > big.length) {
      return false;
    }
    int off = big.length - small.length;
    for (int i = 0; i < small.length; i++) {
      if (small[i] != big[off + i]) {
        return false;
      }
    }
    return true;
  }

  /** Strides of {@code shape} laid over {@code outShape}, 0 on broadcast axes. */
  static int[] broadcastStrides(int[] shape, int[] outShape) {
    int rank = outShape.length;
    int[] own = Shapes.strides(shape);
    int[] s = new int[rank];
    int off = rank - shape.length;
    for (int d = 0; d < rank; d++) {
      if (d >= off && shape[d - off] != 1) {
        s[d] = own[d - off];
      }
    }
    return s;
  }

  /** Sums a gradient of the broadcast shape back down to {@code shape}. */
  static Tensor sumToShape(Tensor g, int[] shape) {
    int[] sg = g.shapeRef();
    if (Arrays.equals(sg, shape)) {
      return g;
    }
    float[] src = g.floats();
    float[] out = io.keras4j.backend.Buffers.floats((int) Shapes.size(shape));
    int rank = sg.length;
    int[] t = broadcastStrides(shape, sg);
    int[] idx = new int[rank];
    int io = 0;
    for (int i = 0; i < src.length; i++) {
      out[io] += src[i];
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        io += t[d];
        if (idx[d] < sg[d]) {
          break;
        }
        io -= t[d] * sg[d];
        idx[d] = 0;
      }
    }
    return Tensor.wrap(out, shape.clone());
  }
}

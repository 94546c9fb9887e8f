package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.ReduceOp;
import io.keras4j.internal.ShapeRefs;

/**
 * Sum, mean, max, min and logsumexp over axes, with {@code keepdims} as in Keras; argmax, argmin
 * and cumsum along one axis. The backend's {@link MathKernels} computes; this class checks the
 * arguments and records the gradients.
 */
final class Reductions {
  private Reductions() {}

  private static MathKernels math() {
    return Backend.current().math();
  }

  /** Normalized, de-duplicated axes in increasing order; all axes when null or empty. */
  static int[] axes(int rank, int[] axes) {
    boolean[] r = new boolean[rank];
    if (axes == null || axes.length == 0) {
      java.util.Arrays.fill(r, true);
    } else {
      for (int a : axes) {
        r[Shapes.axis(a, rank)] = true;
      }
    }
    int n = 0;
    for (boolean b : r) {
      n += b ? 1 : 0;
    }
    int[] out = new int[n];
    for (int d = 0, j = 0; d < rank; d++) {
      if (r[d]) {
        out[j++] = d;
      }
    }
    return out;
  }

  /** {@code op} over axes, recording its gradient. */
  static Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepdims) {
    int[] ax = axes(x.rank(), axes);
    Tensor y = math().reduce(op, x, ax, keepdims);
    GradientTape.record(
        y, new Tensor[] {x}, g -> new Tensor[] {math().reduceBackward(op, x, y, g, ax)});
    return y;
  }

  static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    return reduce(ReduceOp.SUM, x, axes, keepdims);
  }

  static Tensor mean(Tensor x, int[] axes, boolean keepdims) {
    return reduce(ReduceOp.MEAN, x, axes, keepdims);
  }

  /** Max or min; the gradient is shared equally between ties. */
  static Tensor extreme(Tensor x, int[] axes, boolean keepdims, boolean max) {
    if (x.size() == 0) {
      throw new IllegalArgumentException(
          (max ? "max" : "min")
              + " of an empty tensor. Received: shape="
              + Shapes.toString(ShapeRefs.of(x)));
    }
    return reduce(max ? ReduceOp.MAX : ReduceOp.MIN, x, axes, keepdims);
  }

  /**
   * log(sum(exp(x))) over axes (all when null or empty), shifted by the maximum so it neither
   * overflows nor underflows. The gradient is the softmax over the reduced elements.
   */
  static Tensor logsumexp(Tensor x, int[] axes, boolean keepdims) {
    return reduce(ReduceOp.LOGSUMEXP, x, axes, keepdims);
  }

  /** Index of the largest (or smallest) value along one axis (first one on ties), int32. */
  static Tensor argmax(Tensor x, int axis, boolean max) {
    int ax = Shapes.axis(axis, x.rank());
    if (x.dim(ax) == 0 && x.size() == 0 && hasOtherElements(ShapeRefs.of(x), ax)) {
      throw new IllegalArgumentException(
          (max ? "argmax" : "argmin")
              + " along an empty axis. Received: shape="
              + Shapes.toString(ShapeRefs.of(x))
              + ", axis="
              + axis);
    }
    return max ? math().argmax(x, ax) : math().argmin(x, ax);
  }

  private static boolean hasOtherElements(int[] shape, int axis) {
    for (int d = 0; d < shape.length; d++) {
      if (d != axis && shape[d] == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Running sum along an axis, accumulated in float32 as numpy does; int32 stays int32. The
   * gradient is the reverse running sum of the output gradient.
   */
  static Tensor cumsum(Tensor x, int axis) {
    int ax = Shapes.axis(axis, x.rank());
    Tensor y = math().cumsum(x, ax, false);
    if (x.dtype() == DType.FLOAT32) {
      GradientTape.record(y, new Tensor[] {x}, g -> new Tensor[] {math().cumsum(g, ax, true)});
    }
    return y;
  }
}

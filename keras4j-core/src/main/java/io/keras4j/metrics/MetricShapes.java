package io.keras4j.metrics;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;

/**
 * Keras's shape rules for metric inputs: rank matching and broadcasting, with the errors naming the
 * metric.
 */
final class MetricShapes {
  private MetricShapes() {}

  /** {@code t} as float32 (itself when it is). */
  static Tensor floats(Tensor t) {
    return Ops.cast(t, DType.FLOAT32);
  }

  /** {@code t} with the shape {@code shape} of the same size (itself when it has it). */
  static Tensor reshape(Tensor t, int[] shape) {
    return Arrays.equals(ShapeRefs.of(t), shape) ? t : Ops.reshape(t, shape);
  }

  /**
   * Keras's {@code squeeze_or_expand_to_same_rank}: when the ranks differ by one and the longer
   * shape ends in 1, that axis is dropped, or the rank-1 shape gains a trailing 1 when {@code
   * expandRank1}. Only shapes change: the row-major data stays as it is.
   *
   * @return the two new shapes
   */
  static int[][] squeezeOrExpand(int[] a, int[] b, boolean expandRank1) {
    if (a.length == b.length) {
      return new int[][] {a, b};
    }
    if (a.length == b.length + 1 && a[a.length - 1] == 1) {
      if (b.length == 1 && expandRank1) {
        b = new int[] {b[0], 1};
      } else {
        a = Arrays.copyOf(a, a.length - 1);
      }
    } else if (b.length == a.length + 1 && b[b.length - 1] == 1) {
      if (a.length == 1 && expandRank1) {
        a = new int[] {a[0], 1};
      } else {
        b = Arrays.copyOf(b, b.length - 1);
      }
    }
    return new int[][] {a, b};
  }

  /** Whether {@code from} broadcasts to {@code to} as numpy's {@code broadcast_to} allows. */
  static boolean broadcastsTo(int[] from, int[] to) {
    if (from.length > to.length) {
      return false;
    }
    int off = to.length - from.length;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != 1 && from[i] != to[off + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code t}, read with the shape {@code from} (same size), broadcast to {@code to}: a reshape
   * only when the sizes agree. Throws naming {@code owner} and {@code argument} when {@code from}
   * does not broadcast to {@code to}.
   */
  static Tensor broadcast(Tensor t, int[] from, int[] to, String owner, String argument) {
    if (!broadcastsTo(from, to)) {
      throw new IllegalArgumentException(
          owner
              + ": "
              + argument
              + " of shape "
              + Shapes.toString(from)
              + " cannot be broadcast to shape "
              + Shapes.toString(to)
              + ". Received: "
              + argument
              + ".shape="
              + Shapes.toString(from));
    }
    if (t.size() == Shapes.size(to)) {
      return reshape(t, to); // equal sizes and broadcastable: the same row-major layout
    }
    return Ops.broadcastTo(reshape(t, from), to);
  }

  /** Numpy's broadcast shape of two shapes, the error naming {@code owner}. */
  static int[] broadcastShape(int[] a, int[] b, String owner) {
    if (Arrays.equals(a, b)) {
      return a;
    }
    try {
      return Shapes.broadcast(a, b);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          owner
              + ": y_true and y_pred must have broadcastable shapes. Received: y_true.shape="
              + Shapes.toString(a)
              + ", y_pred.shape="
              + Shapes.toString(b),
          e);
    }
  }

  /** The product of {@code shape[from..]}. */
  static int sizeFrom(int[] shape, int from) {
    int n = 1;
    for (int i = from; i < shape.length; i++) {
      n *= shape[i];
    }
    return n;
  }

  /** The last dimension, or 1 for a scalar. */
  static int last(int[] shape) {
    return shape.length == 0 ? 1 : shape[shape.length - 1];
  }

  /** The shape without its last axis. */
  static int[] dropLast(int[] shape) {
    return Arrays.copyOf(shape, Math.max(0, shape.length - 1));
  }
}

package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.ArrayKernels;
import io.keras4j.backend.Backend;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/** Indexing with integer tensors: take (gather, e.g. an embedding lookup) and one-hot encoding. */
final class GatherOps {
  private GatherOps() {}

  /**
   * {@code keras.ops.take} along an axis: the output has shape {@code x.shape[:axis] +
   * indices.shape + x.shape[axis+1:]}. Negative indices count from the end, as in numpy; an index
   * outside {@code [-n, n)} is an error. The gradient scatter-adds into x (indices get none).
   */
  static Tensor take(Tensor x, Tensor indices, int axis) {
    int[] s = ShapeRefs.of(x);
    int ax = Shapes.axis(axis, s.length);
    int n = s[ax];
    ArrayKernels array = Backend.current().array();
    long bad = array.firstIndexOutside(indices, -n, n);
    if (bad >= 0) {
      int at = (int) bad;
      checkWhole(indices, at, "take");
      int v = valueAt(indices, at);
      throw new IndexOutOfBoundsException(
          "take: index "
              + v
              + " is out of range for axis "
              + axis
              + " of size "
              + n
              + " (expected -"
              + n
              + " <= index < "
              + n
              + "). Received: indices"
              + position(ShapeRefs.of(indices), at)
              + "="
              + v);
    }
    Tensor out = array.take(x, indices, ax);
    int[] inShape = x.shape();
    GradientTape.record(
        out,
        new Tensor[] {x, indices},
        g -> new Tensor[] {Backend.current().array().takeBackward(g, indices, ax, inShape), null});
    return out;
  }

  /**
   * {@code keras.ops.one_hot}: float32, the new axis of size {@code numClasses} at {@code axis}. A
   * negative index gives a row of zeros, as in Keras; an index >= numClasses is an error.
   */
  static Tensor oneHot(Tensor x, int numClasses, int axis) {
    if (numClasses <= 0) {
      throw new IllegalArgumentException(
          "one_hot: num_classes must be positive. Received: num_classes=" + numClasses);
    }
    int[] s = ShapeRefs.of(x);
    ArrayKernels array = Backend.current().array();
    long bad = array.firstIndexOutside(x, Integer.MIN_VALUE, numClasses);
    if (bad >= 0) {
      int at = (int) bad;
      checkWhole(x, at, "one_hot");
      int c = valueAt(x, at);
      throw new IndexOutOfBoundsException(
          "one_hot: index "
              + c
              + " is out of range for num_classes="
              + numClasses
              + " (expected index < "
              + numClasses
              + "; negative indices give zeros). Received: x"
              + position(s, at)
              + "="
              + c);
    }
    return array.oneHot(x, numClasses, Shapes.axis(axis, s.length + 1));
  }

  /** The values of an index tensor (a copy): int32, or float32 holding whole numbers. */
  static int[] integerValues(Tensor t, String op) {
    if (t.dtype() != DType.INT32) {
      long bad =
          Backend.current().array().firstIndexOutside(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
      if (bad >= 0) {
        checkWhole(t, (int) bad, op);
      }
    }
    return t.toIntArray();
  }

  /** Fails when the value at flat position {@code at} of a float32 tensor is not whole. */
  private static void checkWhole(Tensor t, int at, String op) {
    if (t.dtype() == DType.INT32) {
      return;
    }
    float f = t.getFloat(multiIndex(ShapeRefs.of(t), at));
    if (f != Math.rint(f)) {
      throw new IllegalArgumentException(
          op
              + ": indices must be integers. Received: "
              + f
              + " at position "
              + position(ShapeRefs.of(t), at));
    }
  }

  private static int valueAt(Tensor t, int at) {
    return t.getInt(multiIndex(ShapeRefs.of(t), at));
  }

  private static int[] multiIndex(int[] shape, int flat) {
    int[] at = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = flat % shape[d];
      flat /= shape[d];
    }
    return at;
  }

  /** The multi-index of flat position {@code flat} in a shape, e.g. {@code [1, 2]}. */
  static String position(int[] shape, int flat) {
    return Arrays.toString(multiIndex(shape, flat));
  }
}

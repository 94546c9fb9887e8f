package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
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
    int[] s = x.shapeRef();
    int ax = Shapes.axis(axis, s.length);
    int n = s[ax];
    int[] idx = integerValues(indices, "take");
    int[] map = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      int v = idx[i];
      int w = v < 0 ? v + n : v;
      if (w < 0 || w >= n) {
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
                + position(indices.shapeRef(), i)
                + "="
                + v);
      }
      map[i] = w;
    }
    int[][] maps = AxisMaps.identity(s);
    maps[ax] = map;
    Tensor flat = AxisMaps.gather(x, maps, 0f);
    int[] outShape = new int[s.length - 1 + indices.rank()];
    System.arraycopy(s, 0, outShape, 0, ax);
    System.arraycopy(indices.shapeRef(), 0, outShape, ax, indices.rank());
    System.arraycopy(s, ax + 1, outShape, ax + indices.rank(), s.length - ax - 1);
    Tensor out = flat.reshapeView(outShape);
    int[] flatShape = flat.shapeRef();
    int[] inShape = x.shape();
    GradientTape.record(
        out,
        new Tensor[] {x, indices},
        g -> new Tensor[] {AxisMaps.scatterAdd(g.reshapeView(flatShape), maps, inShape), null});
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
    int[] idx = integerValues(x, "one_hot");
    int[] s = x.shapeRef();
    int ax = Shapes.axis(axis, s.length + 1);
    int inner = 1;
    for (int d = ax; d < s.length; d++) {
      inner *= s[d];
    }
    int[] outShape = new int[s.length + 1];
    System.arraycopy(s, 0, outShape, 0, ax);
    outShape[ax] = numClasses;
    System.arraycopy(s, ax, outShape, ax + 1, s.length - ax);
    float[] out = io.keras4j.backend.Buffers.floats((int) Shapes.size(outShape));
    for (int p = 0; p < idx.length; p++) {
      int c = idx[p];
      if (c >= numClasses) {
        throw new IndexOutOfBoundsException(
            "one_hot: index "
                + c
                + " is out of range for num_classes="
                + numClasses
                + " (expected index < "
                + numClasses
                + "; negative indices give zeros). Received: x"
                + position(s, p)
                + "="
                + c);
      }
      if (c >= 0) {
        int o = p / inner;
        int i = p % inner;
        out[(o * numClasses + c) * inner + i] = 1f;
      }
    }
    return Tensor.wrap(out, outShape);
  }

  /** The values of an index tensor: int32, or float32 holding whole numbers. */
  static int[] integerValues(Tensor t, String op) {
    if (t.dtype() == DType.INT32) {
      return t.ints();
    }
    float[] f = t.floats();
    int[] out = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      if (f[i] != Math.rint(f[i])) {
        throw new IllegalArgumentException(
            op
                + ": indices must be integers. Received: "
                + f[i]
                + " at position "
                + position(t.shapeRef(), i));
      }
      out[i] = (int) f[i];
    }
    return out;
  }

  /** The multi-index of flat position {@code flat} in a shape, e.g. {@code [1, 2]}. */
  static String position(int[] shape, int flat) {
    int[] at = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = flat % shape[d];
      flat /= shape[d];
    }
    return Arrays.toString(at);
  }
}

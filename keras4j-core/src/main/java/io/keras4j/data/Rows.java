package io.keras4j.data;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.util.Arrays;

/** Row (first-axis) gathers and slices of tensors, for {@link Dataset} and the splitters. */
final class Rows {
  private Rows() {}

  /** The rows {@code indices} of {@code t}, in that order (indices already checked). */
  static Tensor take(Tensor t, int[] indices) {
    int[] shape = t.shape();
    int n = shape[0];
    int rowLen = n == 0 ? 0 : (int) (t.size() / n);
    shape[0] = indices.length;
    if (t.dtype() == DType.FLOAT32) {
      float[] src = t.floats();
      float[] dst = new float[indices.length * rowLen];
      for (int i = 0; i < indices.length; i++) {
        System.arraycopy(src, indices[i] * rowLen, dst, i * rowLen, rowLen);
      }
      return Tensor.wrap(dst, shape);
    }
    int[] src = t.ints();
    int[] dst = new int[indices.length * rowLen];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(src, indices[i] * rowLen, dst, i * rowLen, rowLen);
    }
    return Tensor.wrapInts(dst, shape);
  }

  /** Rows {@code [from, to)} of {@code t} (bounds already checked). */
  static Tensor slice(Tensor t, int from, int to) {
    int[] shape = t.shape();
    int rowLen = shape[0] == 0 ? 0 : (int) (t.size() / shape[0]);
    shape[0] = to - from;
    if (t.dtype() == DType.FLOAT32) {
      return Tensor.wrap(Arrays.copyOfRange(t.floats(), from * rowLen, to * rowLen), shape);
    }
    return Tensor.wrapInts(Arrays.copyOfRange(t.ints(), from * rowLen, to * rowLen), shape);
  }

  /**
   * Class labels as one int per row: an int32 tensor of shape {@code [n]} or {@code [n, 1]}.
   *
   * @param who the class and method, for error messages
   */
  static int[] labels(Tensor labels, String who) {
    if (labels == null) {
      throw new IllegalArgumentException(who + ": labels must not be null. Received: labels=null");
    }
    int[] s = labels.shapeRef();
    boolean column = s.length == 1 || (s.length == 2 && s[1] == 1);
    if (labels.dtype() != DType.INT32 || !column) {
      throw new IllegalArgumentException(
          who
              + ": labels must be an int32 tensor of shape (n,) or (n, 1) (use asInt() on float"
              + " labels, argmax on one-hot ones). Received: dtype="
              + labels.dtype()
              + ", shape="
              + Shapes.toString(s));
    }
    return labels.ints();
  }
}

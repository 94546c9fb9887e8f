package io.keras4j.data;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * Row (first-axis) gathers and slices of tensors, for {@link Dataset}, the splitters and the
 * trainer's batches. Indices and bounds are the caller's to check.
 */
public final class Rows {
  private Rows() {}

  /** Number of rows (1 for a scalar). */
  public static int count(Tensor t) {
    return t.rank() == 0 ? 1 : ShapeRefs.of(t)[0];
  }

  /** The rows {@code indices} of {@code t}, in that order (indices already checked). */
  public static Tensor take(Tensor t, int[] indices) {
    return take(t, indices, 0, indices.length);
  }

  /** The rows {@code indices[from..to)} of {@code t}, in that order. */
  public static Tensor take(Tensor t, int[] indices, int from, int to) {
    int count = to - from;
    Tensor rows = Tensor.ofInts(Arrays.copyOfRange(indices, from, to), count);
    return Backend.current().array().take(t, rows, 0);
  }

  /** Rows {@code [from, to)} of {@code t} (bounds already checked). */
  public static Tensor slice(Tensor t, int from, int to) {
    int[] shape = ShapeRefs.of(t);
    int[][] maps = new int[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      int start = d == 0 ? from : 0;
      int n = d == 0 ? to - from : shape[d];
      maps[d] = new int[n];
      for (int j = 0; j < n; j++) {
        maps[d][j] = start + j;
      }
    }
    return Backend.current().array().gatherAxes(t, maps, 0f);
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
    int[] s = ShapeRefs.of(labels);
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
    return labels.toIntArray();
  }
}

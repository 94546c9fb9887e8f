package io.keras4j;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Shape arithmetic shared by tensors, ops and layers. {@code -1} stands for Keras's {@code None}.
 */
public final class Shapes {
  private Shapes() {}

  /** Number of elements of a fully known shape. */
  public static long size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Shape has an unknown dimension: expected a fully known shape. Received: shape="
                + toString(shape));
      }
      n *= d;
    }
    return n;
  }

  /** Python-style rendering used in Keras messages and summaries: {@code (None, 128)}. */
  public static String toString(int[] shape) {
    if (shape == null) {
      return "?";
    }
    if (shape.length == 1) {
      return "(" + dim(shape[0]) + ",)";
    }
    return Arrays.stream(shape).mapToObj(Shapes::dim).collect(Collectors.joining(", ", "(", ")"));
  }

  public static String toString(List<int[]> shapes) {
    return shapes.stream().map(Shapes::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String dim(int d) {
    return d < 0 ? "None" : Integer.toString(d);
  }

  /** Row-major strides of a shape. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** Numpy broadcasting of two shapes; throws naming both when they do not broadcast. */
  public static int[] broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else if (da < 0 || db < 0) {
        out[i] = Math.max(da, db) < 0 ? -1 : Math.max(da, db);
      } else {
        throw new IllegalArgumentException(
            "Shapes cannot be broadcast together: " + toString(a) + " and " + toString(b));
      }
    }
    return out;
  }

  /** Normalizes a possibly negative axis for a tensor of the given rank. */
  public static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          "Axis out of range for a tensor of rank " + rank + ". Received: axis=" + axis);
    }
    return a;
  }

  public static int[] concat(int[] a, int... b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Whether two shapes agree where both are known. */
  public static boolean compatible(int[] a, int[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  public static int[] withBatch(int batch, int[] shape) {
    return concat(new int[] {batch}, shape);
  }

  public static int[] dropFirst(int[] shape) {
    return Arrays.copyOfRange(shape, 1, shape.length);
  }
}

package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.List;

/**
 * Data movement of the array family: strided gathers (transpose, broadcast), concatenation, take
 * and its scatter-add, one-hot, and the index check. Each keeps its input's dtype; runs along the
 * last axis are copied with {@link System#arraycopy} where they are contiguous.
 */
final class JvmMoves {
  private final Kernels kernels;

  JvmMoves(Kernels kernels) {
    this.kernels = kernels;
  }

  Tensor transpose(Tensor x, int[] perm) {
    int[] s = ShapeRefs.of(x);
    int rank = s.length;
    int[] outShape = new int[rank];
    int[] inStrides = Shapes.strides(s);
    int[] strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = s[perm[i]];
      strides[i] = inStrides[perm[i]];
    }
    return strided(x, outShape, strides);
  }

  Tensor broadcastTo(Tensor x, int[] shape) {
    int[] s = ShapeRefs.of(x);
    int rank = shape.length;
    int[] inStrides = Shapes.strides(s);
    int[] strides = new int[rank];
    int lead = rank - s.length;
    for (int d = lead; d < rank; d++) {
      strides[d] = s[d - lead] == 1 ? 0 : inStrides[d - lead];
    }
    return strided(x, shape.clone(), strides);
  }

  /** {@code out[idx] = x[sum(idx[d] * strides[d])]} over the output in row-major order. */
  private static Tensor strided(Tensor x, int[] outShape, int[] strides) {
    int total = (int) Shapes.size(outShape);
    if (x.dtype() == DType.INT32) {
      int[] out = new int[total];
      if (total > 0) {
        stridedInts(JvmTensors.ints(x), out, outShape, strides);
      }
      return JvmTensors.wrapInts(out, outShape);
    }
    float[] out = JvmTensors.output(total);
    if (total > 0) {
      stridedFloats(JvmTensors.floats(x), out, outShape, strides);
    }
    return JvmTensors.wrap(out, outShape);
  }

  private static void stridedFloats(float[] in, float[] out, int[] shape, int[] strides) {
    int rank = shape.length;
    if (rank == 0) {
      out[0] = in[0];
      return;
    }
    int len = shape[rank - 1];
    int step = strides[rank - 1];
    int rows = out.length / len;
    int[] idx = new int[rank];
    int src = 0;
    for (int r = 0, o = 0; r < rows; r++, o += len) {
      if (step == 1) {
        System.arraycopy(in, src, out, o, len);
      } else if (step == 0) {
        Arrays.fill(out, o, o + len, in[src]);
      } else {
        for (int j = 0, p = src; j < len; j++, p += step) {
          out[o + j] = in[p];
        }
      }
      src = nextRow(idx, shape, strides, src);
    }
  }

  private static void stridedInts(int[] in, int[] out, int[] shape, int[] strides) {
    int rank = shape.length;
    if (rank == 0) {
      out[0] = in[0];
      return;
    }
    int len = shape[rank - 1];
    int step = strides[rank - 1];
    int rows = out.length / len;
    int[] idx = new int[rank];
    int src = 0;
    for (int r = 0, o = 0; r < rows; r++, o += len) {
      for (int j = 0, p = src; j < len; j++, p += step) {
        out[o + j] = in[p];
      }
      src = nextRow(idx, shape, strides, src);
    }
  }

  /** Advances a row-major index over all axes but the last; returns the new input offset. */
  static int nextRow(int[] idx, int[] shape, int[] strides, int pos) {
    for (int d = shape.length - 2; d >= 0; d--) {
      idx[d]++;
      pos += strides[d];
      if (idx[d] < shape[d]) {
        return pos;
      }
      pos -= strides[d] * shape[d];
      idx[d] = 0;
    }
    return pos;
  }

  Tensor concatenate(List<Tensor> xs, int axis) {
    int[] first = ShapeRefs.of(xs.get(0));
    boolean allInt = true;
    int total = 0;
    for (Tensor t : xs) {
      total += ShapeRefs.of(t)[axis];
      allInt &= t.dtype() == DType.INT32;
    }
    int[] outShape = first.clone();
    outShape[axis] = total;
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= first[d];
    }
    int size = (int) Shapes.size(outShape);
    int inner = (int) (size / Math.max(1L, (long) outer * total));
    Object out = allInt ? new int[size] : JvmTensors.output(size);
    int offset = 0;
    for (Tensor t : xs) {
      Object src = allInt ? JvmTensors.ints(t) : JvmTensors.floats(t);
      int run = ShapeRefs.of(t)[axis] * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * run, out, o * total * inner + offset, run);
      }
      offset += run;
    }
    return allInt
        ? JvmTensors.wrapInts((int[]) out, outShape)
        : JvmTensors.wrap((float[]) out, outShape);
  }

  Tensor take(Tensor x, Tensor indices, int axis) {
    int[] s = ShapeRefs.of(x);
    int[] idx = JvmTensors.ints(indices);
    int n = s[axis];
    int outer = (int) Shapes.size(Arrays.copyOf(s, axis));
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, axis + 1, s.length));
    int count = idx.length;
    int[] outShape = new int[s.length - 1 + indices.rank()];
    System.arraycopy(s, 0, outShape, 0, axis);
    System.arraycopy(ShapeRefs.of(indices), 0, outShape, axis, indices.rank());
    System.arraycopy(s, axis + 1, outShape, axis + indices.rank(), s.length - axis - 1);
    int size = outer * count * inner;
    boolean ints = x.dtype() == DType.INT32;
    Object in = ints ? JvmTensors.ints(x) : JvmTensors.floats(x);
    Object out = ints ? new int[size] : JvmTensors.output(size);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < count; i++) {
        int w = idx[i] < 0 ? idx[i] + n : idx[i];
        System.arraycopy(in, (o * n + w) * inner, out, (o * count + i) * inner, inner);
      }
    }
    return ints
        ? JvmTensors.wrapInts((int[]) out, outShape)
        : JvmTensors.wrap((float[]) out, outShape);
  }

  Tensor takeBackward(Tensor g, Tensor indices, int axis, int[] shape) {
    int[] idx = JvmTensors.ints(indices);
    float[] src = JvmTensors.floats(g);
    int n = shape[axis];
    int outer = (int) Shapes.size(Arrays.copyOf(shape, axis));
    int inner = (int) Shapes.size(Arrays.copyOfRange(shape, axis + 1, shape.length));
    int count = idx.length;
    float[] out = JvmTensors.zeroed((int) Shapes.size(shape));
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < count; i++) {
        int w = idx[i] < 0 ? idx[i] + n : idx[i];
        int dst = (o * n + w) * inner;
        int at = (o * count + i) * inner;
        if (inner >= 16) {
          kernels.add(out, dst, src, at, out, dst, inner);
        } else {
          for (int j = 0; j < inner; j++) {
            out[dst + j] += src[at + j];
          }
        }
      }
    }
    return JvmTensors.wrap(out, shape.clone());
  }

  Tensor oneHot(Tensor indices, int numClasses, int axis) {
    int[] idx = JvmTensors.ints(indices);
    int[] s = ShapeRefs.of(indices);
    int inner = (int) Shapes.size(Arrays.copyOfRange(s, axis, s.length));
    int[] outShape = new int[s.length + 1];
    System.arraycopy(s, 0, outShape, 0, axis);
    outShape[axis] = numClasses;
    System.arraycopy(s, axis, outShape, axis + 1, s.length - axis);
    float[] out = JvmTensors.zeroed((int) Shapes.size(outShape));
    for (int p = 0; p < idx.length; p++) {
      int c = idx[p];
      if (c >= 0) {
        int o = p / inner;
        int i = p % inner;
        out[(o * numClasses + c) * inner + i] = 1f;
      }
    }
    return JvmTensors.wrap(out, outShape);
  }

  static long firstIndexOutside(Tensor indices, long low, long high) {
    if (indices.dtype() == DType.INT32) {
      int[] v = JvmTensors.ints(indices);
      for (int i = 0; i < v.length; i++) {
        if (v[i] < low || v[i] >= high) {
          return i;
        }
      }
      return -1;
    }
    float[] v = JvmTensors.floats(indices);
    for (int i = 0; i < v.length; i++) {
      float f = v[i];
      if (f != Math.rint(f) || f < low || f >= high) {
        return i;
      }
    }
    return -1;
  }
}

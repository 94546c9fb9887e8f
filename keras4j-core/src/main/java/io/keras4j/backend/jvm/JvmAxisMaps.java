package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * Gathers described axis by axis and their adjoint scatter-add (see {@code
 * ArrayKernels.gatherAxes}). The output is visited row by row (all axes but the last); a row whose
 * last-axis map reads consecutive input indices is one {@link System#arraycopy}.
 */
final class JvmAxisMaps {
  private JvmAxisMaps() {}

  /** Walks the output rows: the input offset of the current row, or -1 when a map reads fill. */
  private static final class Rows {
    final int[][] maps;
    final int[] strides;
    final int[] outShape;
    final int[] idx;
    final int count;

    Rows(int[] inShape, int[][] maps) {
      this.maps = maps;
      this.strides = Shapes.strides(inShape);
      this.outShape = new int[maps.length];
      int rows = 1;
      for (int d = 0; d < maps.length; d++) {
        outShape[d] = maps[d].length;
        if (d < maps.length - 1) {
          rows *= outShape[d];
        }
      }
      this.count = rows;
      this.idx = new int[Math.max(maps.length - 1, 0)];
    }

    /** The input offset of the current row (-1 when outside), then moves to the next row. */
    int next() {
      int rank = maps.length;
      int inOff = 0;
      for (int d = 0; d < rank - 1; d++) {
        int m = maps[d][idx[d]];
        if (m < 0) {
          inOff = -1;
          break;
        }
        inOff += m * strides[d];
      }
      for (int d = rank - 2; d >= 0; d--) {
        if (++idx[d] < outShape[d]) {
          break;
        }
        idx[d] = 0;
      }
      return inOff;
    }
  }

  static Tensor gather(Tensor x, int[][] maps, float fill) {
    int[] shape = new int[maps.length];
    for (int d = 0; d < maps.length; d++) {
      shape[d] = maps[d].length;
    }
    int total = (int) Shapes.size(shape);
    if (x.dtype() == DType.INT32) {
      int[] out = new int[total];
      if (fill != 0f) {
        Arrays.fill(out, (int) fill);
      }
      if (total > 0) {
        gatherInts(JvmTensors.ints(x), ShapeRefs.of(x), maps, out);
      }
      return JvmTensors.wrapInts(out, shape);
    }
    float[] out = fill != 0f ? JvmTensors.output(total) : JvmTensors.zeroed(total);
    if (fill != 0f) {
      Arrays.fill(out, fill);
    }
    if (total > 0) {
      gatherFloats(JvmTensors.floats(x), ShapeRefs.of(x), maps, out);
    }
    return JvmTensors.wrap(out, shape);
  }

  private static void gatherFloats(float[] src, int[] inShape, int[][] maps, float[] out) {
    if (maps.length == 0) {
      out[0] = src[0];
      return;
    }
    Rows rows = new Rows(inShape, maps);
    int[] last = maps[maps.length - 1];
    int run = contiguousStart(last);
    int len = last.length;
    for (int r = 0, o = 0; r < rows.count; r++, o += len) {
      int in = rows.next();
      if (in < 0) {
        continue;
      }
      if (run >= 0) {
        System.arraycopy(src, in + run, out, o, len);
      } else {
        for (int j = 0; j < len; j++) {
          if (last[j] >= 0) {
            out[o + j] = src[in + last[j]];
          }
        }
      }
    }
  }

  private static void gatherInts(int[] src, int[] inShape, int[][] maps, int[] out) {
    if (maps.length == 0) {
      out[0] = src[0];
      return;
    }
    Rows rows = new Rows(inShape, maps);
    int[] last = maps[maps.length - 1];
    int run = contiguousStart(last);
    int len = last.length;
    for (int r = 0, o = 0; r < rows.count; r++, o += len) {
      int in = rows.next();
      if (in < 0) {
        continue;
      }
      if (run >= 0) {
        System.arraycopy(src, in + run, out, o, len);
      } else {
        for (int j = 0; j < len; j++) {
          if (last[j] >= 0) {
            out[o + j] = src[in + last[j]];
          }
        }
      }
    }
  }

  static Tensor scatterAdd(Kernels kernels, Tensor g, int[][] maps, int[] shape) {
    float[] src = JvmTensors.floats(g);
    float[] out = JvmTensors.zeroed((int) Shapes.size(shape));
    if (shape.length == 0) {
      out[0] = src[0];
    } else if (src.length > 0) {
      Rows rows = new Rows(shape, maps);
      int[] last = maps[maps.length - 1];
      int run = contiguousStart(last);
      int len = last.length;
      for (int r = 0, o = 0; r < rows.count; r++, o += len) {
        int in = rows.next();
        if (in < 0) {
          continue;
        }
        if (run >= 0 && len >= 16) {
          kernels.add(out, in + run, src, o, out, in + run, len);
        } else {
          for (int j = 0; j < len; j++) {
            if (last[j] >= 0) {
              out[in + last[j]] += src[o + j];
            }
          }
        }
      }
    }
    return JvmTensors.wrap(out, shape.clone());
  }

  /** The first index when the map reads consecutive indices, else -1. */
  private static int contiguousStart(int[] map) {
    if (map.length == 0) {
      return 0;
    }
    if (map[0] < 0) {
      return -1;
    }
    for (int j = 1; j < map.length; j++) {
      if (map[j] != map[0] + j) {
        return -1;
      }
    }
    return map[0];
  }
}

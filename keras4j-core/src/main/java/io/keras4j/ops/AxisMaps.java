package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.util.Arrays;

/**
 * Data movement described axis by axis: output index {@code j} on axis {@code d} reads input index
 * {@code maps[d][j]} on that axis (-1 reads a fill value). Slice, pad, tile, repeat and take are
 * all such maps, and the adjoint {@link #scatterAdd} is the gradient of every one of them.
 */
final class AxisMaps {
  private AxisMaps() {}

  /** The map that reads {@code n} consecutive indices from {@code start}. */
  static int[] range(int start, int n) {
    int[] m = new int[n];
    for (int j = 0; j < n; j++) {
      m[j] = start + j;
    }
    return m;
  }

  /** Identity maps for every axis of a shape. */
  static int[][] identity(int[] shape) {
    int[][] maps = new int[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      maps[d] = range(0, shape[d]);
    }
    return maps;
  }

  static int[] outShape(int[][] maps) {
    int[] s = new int[maps.length];
    for (int d = 0; d < maps.length; d++) {
      s[d] = maps[d].length;
    }
    return s;
  }

  /** Gathers {@code x} through the maps; keeps x's dtype ({@code fill} truncated for int32). */
  static Tensor gather(Tensor x, int[][] maps, float fill) {
    int[] shape = outShape(maps);
    int total = (int) Shapes.size(shape);
    boolean ints = x.dtype() == DType.INT32;
    Object src = ints ? x.ints() : x.floats();
    Object out = ints ? new int[total] : io.keras4j.backend.Buffers.floats(total);
    if (fill != 0f) {
      if (ints) {
        Arrays.fill((int[]) out, (int) fill);
      } else {
        Arrays.fill((float[]) out, fill);
      }
    }
    int rank = shape.length;
    if (total > 0) {
      if (rank == 0) {
        System.arraycopy(src, 0, out, 0, 1);
      } else {
        walk(
            x.shapeRef(),
            maps,
            (srcOff, outOff, run, last) -> {
              if (run >= 0) {
                System.arraycopy(src, srcOff + run, out, outOff, last.length);
                return;
              }
              for (int j = 0; j < last.length; j++) {
                if (last[j] >= 0) {
                  if (ints) {
                    ((int[]) out)[outOff + j] = ((int[]) src)[srcOff + last[j]];
                  } else {
                    ((float[]) out)[outOff + j] = ((float[]) src)[srcOff + last[j]];
                  }
                }
              }
            });
      }
    }
    return ints ? Tensor.wrapInts((int[]) out, shape) : Tensor.wrap((float[]) out, shape);
  }

  /** The adjoint of {@link #gather}: sums {@code g} (of the maps' shape) into a tensor of shape. */
  static Tensor scatterAdd(Tensor g, int[][] maps, int[] shape) {
    float[] src = g.floats();
    float[] out = io.keras4j.backend.Buffers.floats((int) Shapes.size(shape));
    if (shape.length == 0) {
      out[0] = src[0];
    } else if (src.length > 0) {
      walk(
          shape,
          maps,
          (inOff, gOff, run, last) -> {
            for (int j = 0; j < last.length; j++) {
              if (last[j] >= 0) {
                out[inOff + last[j]] += src[gOff + j];
              }
            }
          });
    }
    return Tensor.wrap(out, shape.clone());
  }

  @FunctionalInterface
  private interface Row {
    /**
     * One output row along the last axis: input row offset, output offset, and either the start of
     * a contiguous input run ({@code run >= 0}) or -1 with the last-axis map to follow.
     */
    void apply(int inOff, int outOff, int run, int[] last);
  }

  /** Visits every output row (all axes but the last) with the input offset it reads from. */
  private static void walk(int[] inShape, int[][] maps, Row row) {
    int rank = maps.length;
    int[] strides = Shapes.strides(inShape);
    int[] last = maps[rank - 1];
    int run = contiguousStart(last);
    int rowLen = last.length;
    int[] outShape = outShape(maps);
    int rows = 1;
    for (int d = 0; d < rank - 1; d++) {
      rows *= outShape[d];
    }
    int[] idx = new int[Math.max(rank - 1, 0)];
    for (int r = 0; r < rows; r++) {
      int inOff = 0;
      boolean inside = true;
      for (int d = 0; d < rank - 1; d++) {
        int m = maps[d][idx[d]];
        if (m < 0) {
          inside = false;
          break;
        }
        inOff += m * strides[d];
      }
      if (inside) {
        row.apply(inOff, r * rowLen, run, last);
      }
      for (int d = rank - 2; d >= 0; d--) {
        if (++idx[d] < outShape[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
  }

  /** The first index when the map reads consecutive indices, else -1. */
  private static int contiguousStart(int[] map) {
    if (map.length == 0 || map[0] < 0) {
      return map.length == 0 ? 0 : -1;
    }
    for (int j = 1; j < map.length; j++) {
      if (map[j] != map[0] + j) {
        return -1;
      }
    }
    return map[0];
  }
}

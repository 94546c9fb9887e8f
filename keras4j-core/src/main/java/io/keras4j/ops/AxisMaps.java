package io.keras4j.ops;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;

/**
 * Data movement described axis by axis: output index {@code j} on axis {@code d} reads input index
 * {@code maps[d][j]} on that axis (-1 reads a fill value). Slice, pad, tile and repeat are all such
 * maps, and the adjoint {@link #scatterAdd} is the gradient of every one of them. The numbers are
 * the backend's ({@code gatherAxes}, {@code scatterAddAxes}).
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
    return Backend.current().array().gatherAxes(x, maps, fill);
  }

  /** The adjoint of {@link #gather}: sums {@code g} (of the maps' shape) into a tensor of shape. */
  static Tensor scatterAdd(Tensor g, int[][] maps, int[] shape) {
    return Backend.current().array().scatterAddAxes(g, maps, shape);
  }
}

package io.keras4j.backend.jvm;

import io.keras4j.Shapes;

/**
 * Walks a broadcast output row by row for a few inputs (numpy broadcasting). Axes of size 1 are
 * dropped and neighbouring axes that every input reads contiguously (or not at all) are merged, so
 * that a row is as long as possible: one row for same-shape inputs, one row per sample for a bias.
 * Along a row each input advances by {@link #step} 1 (it is read as a run) or 0 (one value is
 * repeated); {@link #off} holds each input's offset at the start of the current row.
 *
 * <pre>{@code
 * BroadcastCursor c = BroadcastCursor.of(outShape, aShape, bShape);
 * for (int r = 0, o = 0; r < c.rows; r++, o += c.len, c.next()) {
 *   // run of c.len outputs at o, reading a from c.off[0] (step c.step[0]) and b from c.off[1]
 * }
 * }</pre>
 */
final class BroadcastCursor {
  /** Number of rows (0 when the output is empty). */
  final int rows;

  /** Length of a row. */
  final int len;

  /** Per input: 1 when it is read as a run along a row, 0 when one value is repeated. */
  final int[] step;

  /** Per input: its offset at the start of the current row. */
  final int[] off;

  private final int[] sizes;
  private final int[][] strides;
  private final int[] idx;

  private BroadcastCursor(int rows, int len, int[] step, int[] sizes, int[][] strides) {
    this.rows = rows;
    this.len = len;
    this.step = step;
    this.off = new int[step.length];
    this.sizes = sizes;
    this.strides = strides;
    this.idx = new int[sizes.length];
  }

  /** A cursor over {@code outShape} for inputs of {@code inShapes}, each broadcasting to it. */
  static BroadcastCursor of(int[] outShape, int[]... inShapes) {
    int k = inShapes.length;
    int rank = outShape.length;
    int[][] full = new int[k][];
    for (int j = 0; j < k; j++) {
      full[j] = strides(inShapes[j], outShape);
    }
    // Kept axes (size > 1), merged with their left neighbour when every input allows it.
    int[] sizes = new int[rank];
    int[][] st = new int[k][rank];
    int m = 0;
    long total = 1;
    for (int d = 0; d < rank; d++) {
      total *= outShape[d];
      if (outShape[d] == 1) {
        continue;
      }
      boolean merge = m > 0;
      for (int j = 0; j < k && merge; j++) {
        merge = st[j][m - 1] == full[j][d] * outShape[d];
      }
      if (merge) {
        sizes[m - 1] *= outShape[d];
        for (int j = 0; j < k; j++) {
          st[j][m - 1] = full[j][d];
        }
      } else {
        sizes[m] = outShape[d];
        for (int j = 0; j < k; j++) {
          st[j][m] = full[j][d];
        }
        m++;
      }
    }
    int[] step = new int[k];
    if (total == 0) {
      return new BroadcastCursor(0, 0, step, new int[0], new int[k][0]);
    }
    if (m == 0) {
      return new BroadcastCursor(1, 1, step, new int[0], new int[k][0]);
    }
    int len = sizes[m - 1];
    for (int j = 0; j < k; j++) {
      step[j] = st[j][m - 1];
    }
    int[] outer = java.util.Arrays.copyOf(sizes, m - 1);
    int[][] outerStrides = new int[k][];
    for (int j = 0; j < k; j++) {
      outerStrides[j] = java.util.Arrays.copyOf(st[j], m - 1);
    }
    return new BroadcastCursor((int) (total / len), len, step, outer, outerStrides);
  }

  /** Moves to the next row. */
  void next() {
    for (int d = sizes.length - 1; d >= 0; d--) {
      idx[d]++;
      for (int j = 0; j < off.length; j++) {
        off[j] += strides[j][d];
      }
      if (idx[d] < sizes[d]) {
        return;
      }
      for (int j = 0; j < off.length; j++) {
        off[j] -= strides[j][d] * sizes[d];
      }
      idx[d] = 0;
    }
  }

  /** Strides of {@code shape} laid over {@code outShape}, 0 on broadcast axes. */
  static int[] strides(int[] shape, int[] outShape) {
    int rank = outShape.length;
    int[] own = Shapes.strides(shape);
    int[] s = new int[rank];
    int lead = rank - shape.length;
    for (int d = lead; d < rank; d++) {
      if (shape[d - lead] != 1) {
        s[d] = own[d - lead];
      }
    }
    return s;
  }
}

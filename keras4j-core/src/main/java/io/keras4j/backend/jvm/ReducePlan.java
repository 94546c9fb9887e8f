package io.keras4j.backend.jvm;

import java.util.Arrays;

/**
 * How a reduction walks its input: the input is read as consecutive rows of {@link #len} values
 * (the last group of axes that are all reduced or all kept, after dropping axes of size 1); each
 * row either reduces to one output value ({@link #lastReduced}) or combines elementwise into a run
 * of {@link #len} outputs. {@link #outOff} is the output offset of the current row.
 */
final class ReducePlan {
  /** Number of output values. */
  final int outSize;

  /** Number of input rows (0 for an empty input). */
  final int rows;

  /** Length of a row. */
  final int len;

  /** Whether a row reduces to one value (else it combines into a run of outputs). */
  final boolean lastReduced;

  /** Number of input values reduced into each output value. */
  final long count;

  /** The output offset of the current row. */
  int outOff;

  private final int[] sizes;
  private final int[] outStrides;
  private final int[] idx;

  private ReducePlan(
      int outSize, int rows, int len, boolean lastReduced, long count, int[] sizes, int[] strides) {
    this.outSize = outSize;
    this.rows = rows;
    this.len = len;
    this.lastReduced = lastReduced;
    this.count = count;
    this.sizes = sizes;
    this.outStrides = strides;
    this.idx = new int[sizes.length];
  }

  /** The plan to reduce a tensor of {@code shape} over the axes flagged in {@code reduced}. */
  static ReducePlan of(int[] shape, boolean[] reduced) {
    int rank = shape.length;
    long outSize = 1;
    long count = 1;
    long total = 1;
    int[] sizes = new int[rank];
    boolean[] flags = new boolean[rank];
    int m = 0;
    for (int d = 0; d < rank; d++) {
      total *= shape[d];
      if (reduced[d]) {
        count *= shape[d];
      } else {
        outSize *= shape[d];
      }
      if (shape[d] == 1) {
        continue;
      }
      if (m > 0 && flags[m - 1] == reduced[d]) {
        sizes[m - 1] *= shape[d];
      } else {
        sizes[m] = shape[d];
        flags[m] = reduced[d];
        m++;
      }
    }
    if (total == 0) {
      return new ReducePlan((int) outSize, 0, 0, true, count, new int[0], new int[0]);
    }
    if (m == 0) {
      return new ReducePlan(1, 1, 1, true, 1, new int[0], new int[0]);
    }
    int len = sizes[m - 1];
    boolean lastReduced = flags[m - 1];
    int[] outer = Arrays.copyOf(sizes, m - 1);
    int[] strides = new int[m - 1];
    int acc = lastReduced ? 1 : len;
    for (int d = m - 2; d >= 0; d--) {
      if (!flags[d]) {
        strides[d] = acc;
        acc *= sizes[d];
      }
    }
    return new ReducePlan(
        (int) outSize, (int) (total / len), len, lastReduced, count, outer, strides);
  }

  /** Back to the first row. */
  void reset() {
    outOff = 0;
    Arrays.fill(idx, 0);
  }

  /** Moves to the next row. */
  void next() {
    for (int d = sizes.length - 1; d >= 0; d--) {
      idx[d]++;
      outOff += outStrides[d];
      if (idx[d] < sizes[d]) {
        return;
      }
      outOff -= outStrides[d] * sizes[d];
      idx[d] = 0;
    }
  }
}

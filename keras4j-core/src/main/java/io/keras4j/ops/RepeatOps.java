package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/** Tile and repeat, as numpy defines them; gradients sum the copies back. */
final class RepeatOps {
  private RepeatOps() {}

  /**
   * Repeats the whole tensor {@code repeats[d]} times along each axis. As numpy: a shorter {@code
   * repeats} is padded with leading 1s, a longer one gives the input leading axes of size 1.
   */
  static Tensor tile(Tensor x, int[] repeats) {
    for (int r : repeats) {
      if (r < 0) {
        throw new IllegalArgumentException(
            "tile: repeats must be >= 0. Received: repeats=" + Arrays.toString(repeats));
      }
    }
    int rank = Math.max(x.rank(), repeats.length);
    Tensor in = x;
    if (x.rank() < rank) {
      int[] s = new int[rank];
      Arrays.fill(s, 1);
      System.arraycopy(ShapeRefs.of(x), 0, s, rank - x.rank(), x.rank());
      in = ShapeOps.reshape(x, s);
    }
    int[] s = ShapeRefs.of(in);
    int[][] maps = new int[rank][];
    for (int d = 0; d < rank; d++) {
      int r = d < rank - repeats.length ? 1 : repeats[d - (rank - repeats.length)];
      maps[d] = new int[s[d] * r];
      for (int j = 0; j < maps[d].length; j++) {
        maps[d][j] = j % s[d];
      }
    }
    return SliceOps.gatherRecorded(in, maps, 0f);
  }

  /** Repeats each element {@code repeats} times along an axis. */
  static Tensor repeat(Tensor x, int repeats, int axis) {
    int[] counts = new int[x.dim(axis)];
    Arrays.fill(counts, repeats);
    return repeat(x, counts, axis);
  }

  /** Repeats element {@code j} along an axis {@code repeats[j]} times. */
  static Tensor repeat(Tensor x, int[] repeats, int axis) {
    int[] s = ShapeRefs.of(x);
    int ax = Shapes.axis(axis, s.length);
    if (repeats.length != s[ax]) {
      throw new IllegalArgumentException(
          "repeat: needs one count per element of axis "
              + axis
              + " (size "
              + s[ax]
              + "). Received: repeats of length "
              + repeats.length);
    }
    int total = 0;
    for (int r : repeats) {
      if (r < 0) {
        throw new IllegalArgumentException(
            "repeat: repeats must be >= 0. Received: repeats=" + Arrays.toString(repeats));
      }
      total += r;
    }
    int[][] maps = AxisMaps.identity(s);
    maps[ax] = new int[total];
    for (int j = 0, at = 0; j < repeats.length; j++) {
      for (int k = 0; k < repeats[j]; k++) {
        maps[ax][at++] = j;
      }
    }
    return SliceOps.gatherRecorded(x, maps, 0f);
  }
}

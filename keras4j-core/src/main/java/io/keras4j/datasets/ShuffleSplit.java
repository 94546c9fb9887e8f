package io.keras4j.datasets;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.internal.NumpyShuffle;
import java.util.Arrays;

/**
 * Keras's split of the regression datasets ({@code boston_housing}, {@code california_housing}):
 * the rows in the order of {@code np.random.RandomState(seed).shuffle(np.arange(n))}, the first
 * {@code int(n * (1 - test_split))} for training and the rest for testing.
 */
final class ShuffleSplit {
  private ShuffleSplit() {}

  static void check(String who, double testSplit, long seed) {
    if (!(testSplit >= 0 && testSplit < 1)) {
      throw new IllegalArgumentException(
          who + ": testSplit must be in [0, 1). Received: testSplit=" + testSplit);
    }
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException(
          who + ": seed must be in [0, 2^32) as numpy's RandomState. Received: seed=" + seed);
    }
  }

  /** How many of {@code n} rows go to training: {@code int(n * (1 - test_split))}. */
  static int trainCount(int n, double testSplit) {
    return (int) (n * (1 - testSplit));
  }

  /**
   * Features {@code x} of shape {@code (n, ...)} and targets {@code y} of {@code (n,)}, keeping the
   * first {@code limit} rows (all when negative), shuffled with {@code seed} and split.
   */
  static TrainTestData split(
      String who, float[] x, int[] xShape, float[] y, int limit, double testSplit, long seed) {
    check(who, testSplit, seed);
    if (xShape.length < 1 || xShape[0] != y.length) {
      throw new IllegalArgumentException(
          who
              + ": the file's x and y must have the same number of rows. Received: x shape "
              + Arrays.toString(xShape)
              + ", y of "
              + y.length);
    }
    int n = limit >= 0 ? Math.min(limit, y.length) : y.length;
    int row = xShape[0] == 0 ? 0 : x.length / xShape[0];
    int[] order = new NumpyShuffle(seed).permutation(n);
    int nTrain = trainCount(n, testSplit);
    return new TrainTestData(
        part(x, xShape, y, row, order, 0, nTrain), part(x, xShape, y, row, order, nTrain, n));
  }

  private static Dataset part(
      float[] x, int[] xShape, float[] y, int row, int[] order, int from, int to) {
    int m = to - from;
    float[] xs = new float[m * row];
    float[] ys = new float[m];
    for (int i = 0; i < m; i++) {
      int r = order[from + i];
      System.arraycopy(x, r * row, xs, i * row, row);
      ys[i] = y[r];
    }
    int[] shape = xShape.clone();
    shape[0] = m;
    return Dataset.of(Tensor.of(xs, shape), Tensor.of(ys, m));
  }
}

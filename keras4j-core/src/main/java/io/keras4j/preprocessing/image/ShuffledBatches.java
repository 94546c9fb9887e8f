package io.keras4j.preprocessing.image;

import io.keras4j.utils.Sequence;
import java.util.SplittableRandom;

/**
 * What Keras's {@code Iterator} gives {@link NumpyArrayIterator} and {@link DirectoryIterator}:
 * {@code ceil(n / batchSize)} batches (the last may be smaller) over a sample order shuffled every
 * epoch when {@code shuffle} is set. Seeded: the order of epoch {@code e} and the random stream of
 * batch {@code i} in it depend only on the seed, {@code e} and {@code i}, not on which thread
 * produces the batch or when, so a run is reproducible with any number of workers.
 */
abstract class ShuffledBatches extends Sequence {
  private final int n;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private volatile int epoch;
  private volatile int[] indexArray;

  ShuffledBatches(int n, int batchSize, boolean shuffle, long seed, String who) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          who + ": batchSize must be positive. Received: batchSize=" + batchSize);
    }
    this.n = n;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
    this.indexArray = order(0);
  }

  private int[] order(int e) {
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    if (shuffle) {
      SplittableRandom rng = new SplittableRandom(mix(seed, e, -1));
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = o[i];
        o[i] = o[j];
        o[j] = t;
      }
    }
    return o;
  }

  private static long mix(long seed, int epoch, int batch) {
    long z = seed ^ (0x9E3779B97F4A7C15L * (epoch + 1)) ^ (0xC2B2AE3D27D4EB4FL * (batch + 2));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public int length() {
    return (n + batchSize - 1) / batchSize;
  }

  /** The sample indices of batch {@code index} in this epoch's order. */
  final int[] samplesOf(int index) {
    if (index < 0 || index >= length()) {
      throw new IllegalArgumentException(
          "Asked to retrieve element "
              + index
              + ", but the Sequence has length "
              + length()
              + ". Received: index="
              + index);
    }
    int from = index * batchSize;
    int to = Math.min(n, from + batchSize);
    int[] rows = new int[to - from];
    System.arraycopy(indexArray, from, rows, 0, rows.length);
    return rows;
  }

  /** The random stream of batch {@code index} in this epoch (its images' transforms). */
  final SplittableRandom randomOf(int index) {
    return new SplittableRandom(mix(seed, epoch, index));
  }

  /** The next epoch: a new sample order when shuffling. */
  @Override
  public void onEpochEnd() {
    epoch++;
    indexArray = order(epoch);
  }

  /** The number of samples. */
  public int size() {
    return n;
  }

  public int batchSize() {
    return batchSize;
  }
}

package io.keras4j.preprocessing.image;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.data.Rows;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.models.StepData;
import io.keras4j.utils.Sequence;
import java.util.SplittableRandom;

/**
 * The batches of {@link ImageDataGenerator#flow}, as Keras's {@code NumpyArrayIterator}: a {@link
 * Sequence} of {@code ceil(n / batchSize)} batches (the last may be smaller) whose images are
 * transformed at random and standardized by the generator when the batch is produced, on the
 * sequence's background thread during {@code fit}. The sample order is shuffled every epoch when
 * {@code shuffle} is set ({@link #onEpochEnd()} draws the next one).
 *
 * <p>Seeded: the order of epoch {@code e} and the transforms of batch {@code i} in that epoch
 * depend only on the seed, {@code e} and {@code i}, not on which thread produces the batch or when,
 * so a run is reproducible with any number of workers.
 */
public final class NumpyArrayIterator extends Sequence {
  private final Tensor x;
  private final Tensor y;
  private final ImageDataGenerator generator;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final int n;
  private volatile int epoch;
  private volatile int[] indexArray;

  NumpyArrayIterator(
      Tensor x, Tensor y, ImageDataGenerator generator, int batchSize, boolean shuffle, long seed) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "ImageDataGenerator.flow: batchSize must be positive. Received: batchSize=" + batchSize);
    }
    this.n = Rows.count(x);
    if (y != null && Rows.count(y) != n) {
      throw new IllegalArgumentException(
          "ImageDataGenerator.flow: `x` (images tensor) and `y` (labels) should have the same"
              + " length. Found: x.shape = "
              + Shapes.toString(ShapeRefs.of(x))
              + ", y.shape = "
              + Shapes.toString(ShapeRefs.of(y)));
    }
    this.x = x;
    this.y = y;
    this.generator = generator;
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

  /** The batch {@code index}: its images transformed and standardized, with their labels. */
  @Override
  public StepData get(int index) {
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
    int[] rows = indexArray;
    Tensor images = Rows.take(x, rows, from, to);
    SplittableRandom rng = new SplittableRandom(mix(seed, epoch, index));
    int[] imageShape = ShapeRefs.of(x).clone();
    int[] one = {imageShape[1], imageShape[2], imageShape[3]};
    TransformParameters[] params = new TransformParameters[to - from];
    for (int i = 0; i < params.length; i++) {
      params[i] = generator.randomTransform(one, rng);
    }
    Tensor batch = generator.standardize(generator.applyTransforms(images, params));
    if (y == null) {
      return StepData.of(batch);
    }
    return StepData.of(batch, Rows.take(y, rows, from, to));
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

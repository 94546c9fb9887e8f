package io.keras4j.preprocessing.image;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.data.Rows;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.models.StepData;
import java.util.SplittableRandom;

/**
 * The batches of {@link ImageDataGenerator#flow}, as Keras's {@code NumpyArrayIterator}: a {@link
 * io.keras4j.utils.Sequence} of {@code ceil(n / batchSize)} batches (the last may be smaller) whose
 * images are transformed at random and standardized by the generator when the batch is produced, on
 * the sequence's background thread during {@code fit}. The sample order is shuffled every epoch
 * when {@code shuffle} is set; seeded as {@link ShuffledBatches} says.
 */
public final class NumpyArrayIterator extends ShuffledBatches {
  private final Tensor x;
  private final Tensor y;
  private final ImageDataGenerator generator;

  NumpyArrayIterator(
      Tensor x, Tensor y, ImageDataGenerator generator, int batchSize, boolean shuffle, long seed) {
    super(Rows.count(x), batchSize, shuffle, seed, "ImageDataGenerator.flow");
    if (y != null && Rows.count(y) != size()) {
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
  }

  /** The batch {@code index}: its images transformed and standardized, with their labels. */
  @Override
  public StepData get(int index) {
    int[] rows = samplesOf(index);
    Tensor images = Rows.take(x, rows);
    SplittableRandom rng = randomOf(index);
    int[] imageShape = ShapeRefs.of(x);
    int[] one = {imageShape[1], imageShape[2], imageShape[3]};
    TransformParameters[] params = new TransformParameters[rows.length];
    for (int i = 0; i < params.length; i++) {
      params[i] = generator.randomTransform(one, rng);
    }
    Tensor batch = generator.standardize(generator.applyTransforms(images, params));
    if (y == null) {
      return StepData.of(batch);
    }
    return StepData.of(batch, Rows.take(y, rows));
  }
}

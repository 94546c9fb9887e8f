package io.keras4j.preprocessing.image;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A width or height shift range as Keras's {@code get_random_transform} reads it: a float draws
 * uniformly in {@code [-r, r]}, an int chooses a whole number in {@code [0, r)} with a random sign,
 * a list chooses one of its values with a random sign; the draw is a fraction of the image's size
 * when the range's largest value is below 1, pixels otherwise.
 */
final class ShiftRange {
  static final ShiftRange NONE = new ShiftRange(null, 0, 0);

  private final double[] choices; // null: uniform
  private final double range;
  private final double max;

  private ShiftRange(double[] choices, double range, double max) {
    this.choices = choices;
    this.range = range;
    this.max = max;
  }

  static ShiftRange uniform(double range) {
    return range == 0 ? NONE : new ShiftRange(null, range, range);
  }

  /** Keras's int range: {@code np.random.choice(r)}, values {@code 0 .. r-1}. */
  static ShiftRange integers(int range) {
    if (range == 0) {
      return NONE;
    }
    double[] values = new double[range];
    for (int i = 0; i < range; i++) {
      values[i] = i;
    }
    return new ShiftRange(values, 0, range);
  }

  static ShiftRange choices(double[] values, String name) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: "
              + name
              + " must list at least one value. Received: "
              + name
              + "="
              + Arrays.toString(values));
    }
    return new ShiftRange(values.clone(), 0, Arrays.stream(values).max().getAsDouble());
  }

  /** One shift for an axis of {@code size} pixels. */
  double draw(SplittableRandom rng, int size) {
    if (this == NONE) {
      return 0;
    }
    double v;
    if (choices == null) {
      v = ImageDataGenerator.uniform(rng, -range, range);
    } else {
      v = choices[rng.nextInt(choices.length)];
      v *= rng.nextBoolean() ? 1 : -1;
    }
    return max < 1 ? v * size : v;
  }
}

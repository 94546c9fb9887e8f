package io.keras4j.random;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;

/**
 * Random tensors, as Keras's {@code keras.random}: {@code normal}, {@code uniform} and {@code
 * truncatedNormal}, each with three kinds of seed, as in Keras 3:
 *
 * <ul>
 *   <li>a {@code long}: stateless, the same seed always gives the same values;
 *   <li>a {@link SeedGenerator}: each call takes the generator's next seed;
 *   <li>none: the next seed of the global generator, which {@code Keras.setRandomSeed} resets.
 * </ul>
 *
 * <p>The values come from the backend's {@link io.keras4j.backend.RandomKernels} and depend only on
 * the seed and the shape, not on the number of threads. The Java backend uses {@link
 * java.util.SplittableRandom} (SplitMix64), one stream per chunk of 64Ki values split in order from
 * the seed, and the JDK's McFarland modified ziggurat for Gaussians (exact, with no transcendental
 * call on the common path, unlike Box-Muller or the synchronized polar method of {@link
 * java.util.Random#nextGaussian()}). Results are float32; the arithmetic is done in double.
 */
public final class RandomOps {
  private RandomOps() {}

  // ---- normal ----------------------------------------------------------------------------

  /** Normal values with the given mean and standard deviation. */
  public static Tensor normal(int[] shape, double mean, double stddev, long seed) {
    return Backend.current().random().normal(shape, mean, stddev, seed);
  }

  public static Tensor normal(int[] shape, double mean, double stddev, SeedGenerator seed) {
    return normal(shape, mean, stddev, seed.next());
  }

  public static Tensor normal(int[] shape, double mean, double stddev) {
    return normal(shape, mean, stddev, SeedGenerator.nextGlobal());
  }

  // ---- uniform ---------------------------------------------------------------------------

  /** Uniform values in {@code [minval, maxval)}. */
  public static Tensor uniform(int[] shape, double minval, double maxval, long seed) {
    if (!(maxval > minval)) {
      throw new IllegalArgumentException(
          "uniform needs minval < maxval. Received: minval=" + minval + ", maxval=" + maxval);
    }
    return Backend.current().random().uniform(shape, minval, maxval, seed);
  }

  public static Tensor uniform(int[] shape, double minval, double maxval, SeedGenerator seed) {
    return uniform(shape, minval, maxval, seed.next());
  }

  public static Tensor uniform(int[] shape, double minval, double maxval) {
    return uniform(shape, minval, maxval, SeedGenerator.nextGlobal());
  }

  // ---- truncated normal ------------------------------------------------------------------

  /**
   * Normal values re-drawn until within two standard deviations of the mean, as Keras's {@code
   * truncated_normal}. The standard deviation of the result is about 0.88 times {@code stddev}.
   */
  public static Tensor truncatedNormal(int[] shape, double mean, double stddev, long seed) {
    return Backend.current().random().truncatedNormal(shape, mean, stddev, seed);
  }

  public static Tensor truncatedNormal(
      int[] shape, double mean, double stddev, SeedGenerator seed) {
    return truncatedNormal(shape, mean, stddev, seed.next());
  }

  public static Tensor truncatedNormal(int[] shape, double mean, double stddev) {
    return truncatedNormal(shape, mean, stddev, SeedGenerator.nextGlobal());
  }
}

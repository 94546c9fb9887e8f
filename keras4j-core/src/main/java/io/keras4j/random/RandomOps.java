package io.keras4j.random;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.Parallel;
import java.util.SplittableRandom;

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
 * <p>Generator: {@link SplittableRandom} (SplitMix64), one per chunk of 64Ki values, split in order
 * from a root seeded with the seed. The values therefore depend only on the seed and the shape, not
 * on the number of threads filling the chunks. Gaussians come from {@link
 * SplittableRandom#nextGaussian()}, the JDK's McFarland modified ziggurat (JDK 17+): exact, with no
 * transcendental call on the common path, unlike Box-Muller or the polar method of {@link
 * java.util.Random#nextGaussian()} (which is also synchronized). Results are float32; the
 * arithmetic is done in double.
 */
public final class RandomOps {
  private static final int CHUNK = 1 << 16;

  private RandomOps() {}

  @FunctionalInterface
  private interface Sampler {
    double sample(SplittableRandom rng);
  }

  // ---- normal ----------------------------------------------------------------------------

  /** Normal values with the given mean and standard deviation. */
  public static Tensor normal(int[] shape, double mean, double stddev, long seed) {
    return fill(shape, seed, rng -> mean + stddev * rng.nextGaussian());
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
    float top = (float) maxval;
    double width = maxval - minval;
    return fill(
        shape,
        seed,
        rng -> {
          double v = minval + width * rng.nextDouble();
          // Rounding to float32 may reach maxval, which the interval excludes.
          return (float) v >= top ? Math.nextDown(top) : v;
        });
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
    return fill(
        shape,
        seed,
        rng -> {
          double z;
          do {
            z = rng.nextGaussian();
          } while (z < -2.0 || z > 2.0);
          return mean + stddev * z;
        });
  }

  public static Tensor truncatedNormal(
      int[] shape, double mean, double stddev, SeedGenerator seed) {
    return truncatedNormal(shape, mean, stddev, seed.next());
  }

  public static Tensor truncatedNormal(int[] shape, double mean, double stddev) {
    return truncatedNormal(shape, mean, stddev, SeedGenerator.nextGlobal());
  }

  // ---- filling ---------------------------------------------------------------------------

  private static Tensor fill(int[] shape, long seed, Sampler sampler) {
    long size = Shapes.size(shape);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Tensor too large for one JVM array. Received: shape=" + Shapes.toString(shape));
    }
    int n = (int) size;
    float[] out = new float[n];
    int chunks = (n + CHUNK - 1) / CHUNK;
    // Split sequentially so that chunk i always gets the same stream, whatever the threads.
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[chunks];
    for (int c = 0; c < chunks; c++) {
      streams[c] = root.split();
    }
    Parallel.forEach(
        chunks,
        c -> {
          SplittableRandom rng = streams[c];
          int end = Math.min(n, (c + 1) * CHUNK);
          for (int i = c * CHUNK; i < end; i++) {
            out[i] = (float) sampler.sample(rng);
          }
        });
    return Tensor.wrap(out, shape.clone());
  }
}

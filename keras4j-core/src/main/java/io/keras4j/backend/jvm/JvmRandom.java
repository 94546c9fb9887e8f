package io.keras4j.backend.jvm;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.RandomKernels;
import java.util.SplittableRandom;

/**
 * The Java implementation of {@link RandomKernels}.
 *
 * <p>Generator: {@link SplittableRandom} (SplitMix64), one per chunk of 64Ki values, split in order
 * from a root seeded with the seed, so the values depend only on the seed and the shape, not on the
 * number of threads filling the chunks. Gaussians come from {@link
 * SplittableRandom#nextGaussian()}, the JDK's McFarland modified ziggurat. The arithmetic is done
 * in double, rounded to float32 once. Each distribution has its own loop. Dropout masks draw one
 * stream from the seed, in order.
 */
final class JvmRandom implements RandomKernels {
  private static final int CHUNK = 1 << 16;

  @Override
  public Tensor uniform(int[] shape, double minval, double maxval, long seed) {
    float[] out = new float[size(shape)];
    float top = (float) maxval;
    double width = maxval - minval;
    SplittableRandom[] streams = streams(out.length, seed);
    Parallel.forEach(
        streams.length,
        c -> {
          SplittableRandom rng = streams[c];
          int end = Math.min(out.length, (c + 1) * CHUNK);
          for (int i = c * CHUNK; i < end; i++) {
            double v = minval + width * rng.nextDouble();
            // Rounding to float32 may reach maxval, which the interval excludes.
            out[i] = (float) v >= top ? Math.nextDown(top) : (float) v;
          }
        });
    return JvmTensors.wrap(out, shape.clone());
  }

  @Override
  public Tensor normal(int[] shape, double mean, double stddev, long seed) {
    float[] out = new float[size(shape)];
    SplittableRandom[] streams = streams(out.length, seed);
    Parallel.forEach(
        streams.length,
        c -> {
          SplittableRandom rng = streams[c];
          int end = Math.min(out.length, (c + 1) * CHUNK);
          for (int i = c * CHUNK; i < end; i++) {
            out[i] = (float) (mean + stddev * rng.nextGaussian());
          }
        });
    return JvmTensors.wrap(out, shape.clone());
  }

  @Override
  public Tensor truncatedNormal(int[] shape, double mean, double stddev, long seed) {
    float[] out = new float[size(shape)];
    SplittableRandom[] streams = streams(out.length, seed);
    Parallel.forEach(
        streams.length,
        c -> {
          SplittableRandom rng = streams[c];
          int end = Math.min(out.length, (c + 1) * CHUNK);
          for (int i = c * CHUNK; i < end; i++) {
            double z;
            do {
              z = rng.nextGaussian();
            } while (z < -2.0 || z > 2.0);
            out[i] = (float) (mean + stddev * z);
          }
        });
    return JvmTensors.wrap(out, shape.clone());
  }

  @Override
  public Tensor dropoutMask(int[] shape, double keep, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float scale = (float) (1.0 / keep);
    float[] m = new float[size(shape)];
    for (int i = 0; i < m.length; i++) {
      m[i] = r.nextDouble() < keep ? scale : 0f;
    }
    return JvmTensors.wrap(m, shape.clone());
  }

  private static int size(int[] shape) {
    long size = Shapes.size(shape);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Tensor too large for one JVM array. Received: shape=" + Shapes.toString(shape));
    }
    return (int) size;
  }

  /** One stream per chunk, split in order from the seed's root. */
  private static SplittableRandom[] streams(int n, long seed) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[chunks];
    for (int c = 0; c < chunks; c++) {
      streams[c] = root.split();
    }
    return streams;
  }
}

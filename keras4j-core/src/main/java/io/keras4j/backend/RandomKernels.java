package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Random fills from a seed (uniform, normal, truncated normal, dropout masks), the same numbers for
 * the same seed on every thread count. Results are float32 tensors of a new shape; arguments are
 * validated by the callers ({@code io.keras4j.random}, the layers).
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 */
public interface RandomKernels {

  /** Uniform values in {@code [minval, maxval)} (minval < maxval). */
  Tensor uniform(int[] shape, double minval, double maxval, long seed);

  /** Normal values with the given mean and standard deviation. */
  Tensor normal(int[] shape, double mean, double stddev, long seed);

  /** Normal values re-drawn until within two standard deviations of the mean. */
  Tensor truncatedNormal(int[] shape, double mean, double stddev, long seed);

  /** An inverted-dropout mask: {@code 1 / keep} with probability {@code keep}, else 0. */
  Tensor dropoutMask(int[] shape, double keep, long seed);
}

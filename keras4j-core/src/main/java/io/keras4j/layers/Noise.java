package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.random.RandomOps;

/**
 * The random tensors of the noise and dropout layers. Each call draws a fresh seed from the layer's
 * {@link io.keras4j.random.SeedGenerator}, so that a fixed layer seed (or a global seed) repeats
 * the same sequence of masks. The values are constants: gradients flow through the ops that combine
 * them with the inputs.
 */
final class Noise {
  private Noise() {}

  /** {@code 1/keep} with probability {@code keep}, else 0: an inverted-dropout mask. */
  static Tensor dropoutMask(int[] shape, double keep, long seed) {
    return Backend.current().random().dropoutMask(shape, keep, seed);
  }

  /** Normal values of the given mean and standard deviation. */
  static Tensor normal(int[] shape, double mean, double stddev, long seed) {
    return RandomOps.normal(shape, mean, stddev, seed);
  }
}

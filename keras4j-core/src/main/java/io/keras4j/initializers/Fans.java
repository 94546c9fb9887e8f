package io.keras4j.initializers;

import io.keras4j.Shapes;

/**
 * The number of input and output units of a weight, as Keras's {@code compute_fans}: a dense kernel
 * {@code (in, out)} has fans (in, out); a convolution kernel {@code (..., in, out)} counts each
 * position of its receptive field, so fans are (in * field, out * field); a vector has its length
 * as both; a scalar has 1.
 */
public record Fans(long fanIn, long fanOut) {

  public static Fans of(int... shape) {
    int rank = shape.length;
    if (rank == 0) {
      return new Fans(1, 1);
    }
    if (rank == 1) {
      return new Fans(shape[0], shape[0]);
    }
    long field = 1;
    for (int i = 0; i < rank - 2; i++) {
      field *= shape[i];
    }
    return new Fans(shape[rank - 2] * field, shape[rank - 1] * field);
  }

  /**
   * Fans from explicit axes (Keras 3's {@code input_axes} / {@code output_axes}): the products of
   * the dimensions on those axes. Falls back to {@link #of(int...)} unless both are given.
   */
  public static Fans of(int[] shape, int[] inputAxes, int[] outputAxes) {
    if (inputAxes == null || outputAxes == null) {
      return of(shape);
    }
    return new Fans(product(shape, inputAxes), product(shape, outputAxes));
  }

  private static long product(int[] shape, int[] axes) {
    long p = 1;
    for (int a : axes) {
      p *= shape[Shapes.axis(a, shape.length)];
    }
    return p;
  }

  /** (fanIn + fanOut) / 2, the count of {@code mode="fan_avg"}. */
  public double fanAvg() {
    return (fanIn + fanOut) / 2.0;
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Dropout of whole feature channels of {@code (batch, steps, channels)} data, as Keras's {@code
 * SpatialDropout1D}: in training a dropped channel is 0 at every step.
 */
public class SpatialDropout1D extends BaseSpatialDropout {

  /** {@code rate} in [0, 1]: the fraction of channels dropped in training. */
  public SpatialDropout1D(double rate) {
    super(rate, 1);
  }

  @Override
  public SpatialDropout1D seed(long seed) {
    super.seed(seed);
    return this;
  }

  public static SpatialDropout1D fromConfig(Config c) {
    return readConfig(c, new SpatialDropout1D(c.getDouble("rate")));
  }
}

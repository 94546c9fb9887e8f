package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Dropout of whole feature maps, as Keras's {@code SpatialDropout2D}: in training a dropped channel
 * is 0 at every spatial position of the sample.
 */
public class SpatialDropout2D extends BaseSpatialDropout {

  /** {@code rate} in [0, 1]: the fraction of channels dropped in training. */
  public SpatialDropout2D(double rate) {
    super(rate, 2);
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public SpatialDropout2D dataFormat(String dataFormat) {
    setDataFormat(dataFormat);
    return this;
  }

  @Override
  public SpatialDropout2D seed(long seed) {
    super.seed(seed);
    return this;
  }

  public static SpatialDropout2D fromConfig(Config c) {
    return readConfig(c, new SpatialDropout2D(c.getDouble("rate")));
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Dropout of whole feature maps, as Keras's {@code SpatialDropout3D}: in training a dropped channel
 * is 0 at every spatial position of the sample.
 */
public class SpatialDropout3D extends BaseSpatialDropout {

  /** {@code rate} in [0, 1]: the fraction of channels dropped in training. */
  public SpatialDropout3D(double rate) {
    super(rate, 3);
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public SpatialDropout3D dataFormat(String dataFormat) {
    setDataFormat(dataFormat);
    return this;
  }

  @Override
  public SpatialDropout3D seed(long seed) {
    super.seed(seed);
    return this;
  }

  public static SpatialDropout3D fromConfig(Config c) {
    return readConfig(c, new SpatialDropout3D(c.getDouble("rate")));
  }
}

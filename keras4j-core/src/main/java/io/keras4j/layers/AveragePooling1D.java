package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Average pooling over the steps of {@code (batch, steps, channels)} data, as Keras's {@code
 * AveragePooling1D}; with {@code "same"} padding the padded positions are left out of the mean.
 */
public class AveragePooling1D extends BasePooling<AveragePooling1D> {

  /** A pool of (2) (Keras's default); strides default to the pool size. */
  public AveragePooling1D() {
    this(2);
  }

  /** The pool size: one value for every spatial axis, or one per axis. */
  public AveragePooling1D(int... poolSize) {
    super(1, false, poolSize);
  }

  public static AveragePooling1D fromConfig(Config c) {
    return readConfig(c, new AveragePooling1D(c.getIntArray("pool_size", new int[] {2})));
  }
}

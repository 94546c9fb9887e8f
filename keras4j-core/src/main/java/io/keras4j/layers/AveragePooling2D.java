package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Average pooling over the height and width of images, as Keras's {@code AveragePooling2D}; with
 * {@code "same"} padding the padded positions are left out of the mean.
 */
public class AveragePooling2D extends BasePooling<AveragePooling2D> {

  /** A pool of (2, 2) (Keras's default); strides default to the pool size. */
  public AveragePooling2D() {
    this(2, 2);
  }

  /** The pool size: one value for every spatial axis, or one per axis. */
  public AveragePooling2D(int... poolSize) {
    super(2, false, poolSize);
  }

  public static AveragePooling2D fromConfig(Config c) {
    return readConfig(c, new AveragePooling2D(c.getIntArray("pool_size", new int[] {2, 2})));
  }
}

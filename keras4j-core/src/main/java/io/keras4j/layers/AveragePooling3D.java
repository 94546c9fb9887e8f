package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Average pooling over the three spatial axes of volumes, as Keras's {@code AveragePooling3D}; with
 * {@code "same"} padding the padded positions are left out of the mean.
 */
public class AveragePooling3D extends BasePooling<AveragePooling3D> {

  /** A pool of (2, 2, 2) (Keras's default); strides default to the pool size. */
  public AveragePooling3D() {
    this(2, 2, 2);
  }

  /** The pool size: one value for every spatial axis, or one per axis. */
  public AveragePooling3D(int... poolSize) {
    super(3, false, poolSize);
  }

  public static AveragePooling3D fromConfig(Config c) {
    return readConfig(c, new AveragePooling3D(c.getIntArray("pool_size", new int[] {2, 2, 2})));
  }
}

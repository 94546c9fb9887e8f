package io.keras4j.layers;

import io.keras4j.saving.Config;

/** Max pooling over the three spatial axes of volumes, as Keras's {@code MaxPooling3D}. */
public class MaxPooling3D extends BasePooling<MaxPooling3D> {

  /** A pool of (2, 2, 2) (Keras's default); strides default to the pool size. */
  public MaxPooling3D() {
    this(2, 2, 2);
  }

  /** The pool size: one value for every spatial axis, or one per axis. */
  public MaxPooling3D(int... poolSize) {
    super(3, true, poolSize);
  }

  public static MaxPooling3D fromConfig(Config c) {
    return readConfig(c, new MaxPooling3D(c.getIntArray("pool_size", new int[] {2, 2, 2})));
  }
}

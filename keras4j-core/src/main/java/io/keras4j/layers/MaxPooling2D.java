package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Max pooling over the height and width of images, as Keras's {@code MaxPooling2D}: {@code new
 * MaxPooling2D()} halves both with 2x2 windows.
 */
public class MaxPooling2D extends BasePooling<MaxPooling2D> {

  /** A pool of (2, 2) (Keras's default); strides default to the pool size. */
  public MaxPooling2D() {
    this(2, 2);
  }

  /** The pool size: one value for every spatial axis, or one per axis. */
  public MaxPooling2D(int... poolSize) {
    super(2, true, poolSize);
  }

  public static MaxPooling2D fromConfig(Config c) {
    return readConfig(c, new MaxPooling2D(c.getIntArray("pool_size", new int[] {2, 2})));
  }
}

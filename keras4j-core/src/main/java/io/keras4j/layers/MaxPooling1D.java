package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Max pooling over the steps of {@code (batch, steps, channels)} data (or {@code (batch, channels,
 * steps)} with {@code channels_first}), as Keras's {@code MaxPooling1D}.
 */
public class MaxPooling1D extends BasePooling<MaxPooling1D> {

  /** A pool of (2) (Keras's default); strides default to the pool size. */
  public MaxPooling1D() {
    this(2);
  }

  /** The pool size: one value for every spatial axis, or one per axis. */
  public MaxPooling1D(int... poolSize) {
    super(1, true, poolSize);
  }

  public static MaxPooling1D fromConfig(Config c) {
    return readConfig(c, new MaxPooling1D(c.getIntArray("pool_size", new int[] {2})));
  }
}

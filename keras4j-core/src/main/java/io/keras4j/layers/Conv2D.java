package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code Conv2D}: a spatial convolution over images (batch, rows, cols, channels)
 * (channels_last; channels_first with {@code dataFormat}), kernel {@code (k..., in / groups,
 * filters)}, {@code activation(conv(x) + bias)}.
 */
public class Conv2D extends BaseConv<Conv2D> {

  /** {@code filters} outputs, the same kernel size on every spatial axis. */
  public Conv2D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  /** {@code filters} outputs, one kernel size per spatial axis (rows, cols). */
  public Conv2D(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  @Override
  Conv2D self() {
    return this;
  }

  public static Conv2D fromConfig(Config c) {
    return read(c, new Conv2D(c.getInt("filters"), kernelSizeOf(c)));
  }
}

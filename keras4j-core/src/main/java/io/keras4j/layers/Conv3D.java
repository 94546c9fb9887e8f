package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code Conv3D}: a convolution over volumes (batch, depth, rows, cols, channels)
 * (channels_last; channels_first with {@code dataFormat}), kernel {@code (k..., in / groups,
 * filters)}, {@code activation(conv(x) + bias)}.
 */
public class Conv3D extends BaseConv<Conv3D> {

  /** {@code filters} outputs, the same kernel size on every spatial axis. */
  public Conv3D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  /** {@code filters} outputs, one kernel size per spatial axis (depth, rows, cols). */
  public Conv3D(int filters, int[] kernelSize) {
    super(3, filters, kernelSize);
  }

  @Override
  Conv3D self() {
    return this;
  }

  public static Conv3D fromConfig(Config c) {
    return read(c, new Conv3D(c.getInt("filters"), kernelSizeOf(c)));
  }
}

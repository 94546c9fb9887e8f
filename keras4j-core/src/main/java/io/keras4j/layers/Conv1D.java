package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code Conv1D}: a temporal convolution over (batch, steps, channels) (channels_last;
 * channels_first with {@code dataFormat}), kernel {@code (k..., in / groups, filters)}, {@code
 * activation(conv(x) + bias)}.
 */
public class Conv1D extends BaseConv<Conv1D> {

  /** {@code filters} outputs, the same kernel size on every spatial axis. */
  public Conv1D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  /** {@code filters} outputs, one kernel size per spatial axis (steps). */
  public Conv1D(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  @Override
  Conv1D self() {
    return this;
  }

  /** Conv1D also takes {@code padding("causal")}: output t sees inputs up to t only. */
  @Override
  boolean allowsCausal() {
    return true;
  }

  public static Conv1D fromConfig(Config c) {
    return read(c, new Conv1D(c.getInt("filters"), kernelSizeOf(c)));
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code ConvLSTM1D}: an LSTM whose input and recurrent products are 1D convolutions, over
 * inputs (batch, time, steps, channels) (channels_last; channels first with {@code dataFormat}).
 * See {@link ConvLSTM} and {@link ConvLSTMCell}.
 */
public class ConvLSTM1D extends ConvLSTM<ConvLSTM1D> {
  /** {@code filters} outputs, the same kernel size on every spatial axis. */
  public ConvLSTM1D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  /** {@code filters} outputs, one kernel size per spatial axis (steps). */
  public ConvLSTM1D(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  public static ConvLSTM1D fromConfig(Config c) {
    return read(c, new ConvLSTM1D(c.getInt("filters"), c.getIntArray("kernel_size")));
  }
}

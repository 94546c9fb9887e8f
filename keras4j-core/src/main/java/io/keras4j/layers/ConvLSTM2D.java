package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code ConvLSTM2D}: an LSTM whose input and recurrent products are 2D convolutions, over
 * inputs (batch, time, rows, cols, channels) (channels_last; channels first with {@code
 * dataFormat}). See {@link ConvLSTM} and {@link ConvLSTMCell}.
 */
public class ConvLSTM2D extends ConvLSTM<ConvLSTM2D> {
  /** {@code filters} outputs, the same kernel size on every spatial axis. */
  public ConvLSTM2D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  /** {@code filters} outputs, one kernel size per spatial axis (rows, cols). */
  public ConvLSTM2D(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  public static ConvLSTM2D fromConfig(Config c) {
    return read(c, new ConvLSTM2D(c.getInt("filters"), c.getIntArray("kernel_size")));
  }
}

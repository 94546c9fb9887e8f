package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code ConvLSTM3D}: an LSTM whose input and recurrent products are 3D convolutions, over
 * inputs (batch, time, depth, rows, cols, channels) (channels_last; channels first with {@code
 * dataFormat}). See {@link ConvLSTM} and {@link ConvLSTMCell}.
 */
public class ConvLSTM3D extends ConvLSTM<ConvLSTM3D> {
  /** {@code filters} outputs, the same kernel size on every spatial axis. */
  public ConvLSTM3D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  /** {@code filters} outputs, one kernel size per spatial axis (depth, rows, cols). */
  public ConvLSTM3D(int filters, int[] kernelSize) {
    super(3, filters, kernelSize);
  }

  public static ConvLSTM3D fromConfig(Config c) {
    return read(c, new ConvLSTM3D(c.getInt("filters"), c.getIntArray("kernel_size")));
  }
}

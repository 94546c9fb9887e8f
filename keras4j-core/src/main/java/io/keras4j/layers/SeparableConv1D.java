package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code SeparableConv1D}: a depthwise convolution (each channel by its own {@code
 * depthMultiplier} filters) followed by a 1x1 convolution mixing the channels into {@code filters}
 * outputs.
 */
public class SeparableConv1D extends BaseSeparableConv<SeparableConv1D> {

  public SeparableConv1D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  public SeparableConv1D(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  @Override
  SeparableConv1D self() {
    return this;
  }

  public static SeparableConv1D fromConfig(Config c) {
    return new SeparableConv1D(c.getInt("filters"), kernelSizeOf(c)).readSeparable(c);
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code SeparableConv2D}: a depthwise convolution (each channel by its own {@code
 * depthMultiplier} filters) followed by a 1x1 convolution mixing the channels into {@code filters}
 * outputs.
 */
public class SeparableConv2D extends BaseSeparableConv<SeparableConv2D> {

  public SeparableConv2D(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  public SeparableConv2D(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  @Override
  SeparableConv2D self() {
    return this;
  }

  public static SeparableConv2D fromConfig(Config c) {
    return new SeparableConv2D(c.getInt("filters"), kernelSizeOf(c)).readSeparable(c);
  }
}

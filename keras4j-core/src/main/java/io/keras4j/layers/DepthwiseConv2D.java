package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code DepthwiseConv2D}: each input channel convolved with its own {@code
 * depthMultiplier} filters, kernel {@code (k..., in, depth_multiplier)}, output channels {@code in
 * * depth_multiplier}.
 */
public class DepthwiseConv2D extends BaseDepthwiseConv<DepthwiseConv2D> {

  public DepthwiseConv2D(int kernelSize) {
    this(new int[] {kernelSize});
  }

  public DepthwiseConv2D(int[] kernelSize) {
    super(2, kernelSize);
  }

  @Override
  DepthwiseConv2D self() {
    return this;
  }

  public static DepthwiseConv2D fromConfig(Config c) {
    return new DepthwiseConv2D(kernelSizeOf(c)).readDepthwise(c);
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code DepthwiseConv1D}: each input channel convolved with its own {@code
 * depthMultiplier} filters, kernel {@code (k..., in, depth_multiplier)}, output channels {@code in
 * * depth_multiplier}.
 */
public class DepthwiseConv1D extends BaseDepthwiseConv<DepthwiseConv1D> {

  public DepthwiseConv1D(int kernelSize) {
    this(new int[] {kernelSize});
  }

  public DepthwiseConv1D(int[] kernelSize) {
    super(1, kernelSize);
  }

  @Override
  DepthwiseConv1D self() {
    return this;
  }

  public static DepthwiseConv1D fromConfig(Config c) {
    return new DepthwiseConv1D(kernelSizeOf(c)).readDepthwise(c);
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code Conv2DTranspose} (a "deconvolution"): the input gradient of a Conv2D, mapping each
 * input position to a {@code kernelSize} window of the output, kernel {@code (k..., filters, in)};
 * with {@code padding("same")} and no output padding the output is {@code strides} times larger.
 */
public class Conv2DTranspose extends BaseConvTranspose<Conv2DTranspose> {

  public Conv2DTranspose(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  public Conv2DTranspose(int filters, int[] kernelSize) {
    super(2, filters, kernelSize);
  }

  @Override
  Conv2DTranspose self() {
    return this;
  }

  public static Conv2DTranspose fromConfig(Config c) {
    return read(c, new Conv2DTranspose(c.getInt("filters"), kernelSizeOf(c)));
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code Conv3DTranspose} (a "deconvolution"): the input gradient of a Conv3D, mapping each
 * input position to a {@code kernelSize} window of the output, kernel {@code (k..., filters, in)};
 * with {@code padding("same")} and no output padding the output is {@code strides} times larger.
 */
public class Conv3DTranspose extends BaseConvTranspose<Conv3DTranspose> {

  public Conv3DTranspose(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  public Conv3DTranspose(int filters, int[] kernelSize) {
    super(3, filters, kernelSize);
  }

  @Override
  Conv3DTranspose self() {
    return this;
  }

  public static Conv3DTranspose fromConfig(Config c) {
    return read(c, new Conv3DTranspose(c.getInt("filters"), kernelSizeOf(c)));
  }
}

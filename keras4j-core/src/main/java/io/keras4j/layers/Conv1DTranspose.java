package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Keras's {@code Conv1DTranspose} (a "deconvolution"): the input gradient of a Conv1D, mapping each
 * input position to a {@code kernelSize} window of the output, kernel {@code (k..., filters, in)};
 * with {@code padding("same")} and no output padding the output is {@code strides} times larger.
 */
public class Conv1DTranspose extends BaseConvTranspose<Conv1DTranspose> {

  public Conv1DTranspose(int filters, int kernelSize) {
    this(filters, new int[] {kernelSize});
  }

  public Conv1DTranspose(int filters, int[] kernelSize) {
    super(1, filters, kernelSize);
  }

  @Override
  Conv1DTranspose self() {
    return this;
  }

  public static Conv1DTranspose fromConfig(Config c) {
    return read(c, new Conv1DTranspose(c.getInt("filters"), kernelSizeOf(c)));
  }
}

package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code BaseConvTranspose}: Conv1DTranspose, Conv2DTranspose and Conv3DTranspose, the
 * input gradient of a convolution, with a kernel {@code (k..., filters, in)}, computed by {@code
 * Ops.convTranspose}.
 */
abstract class BaseConvTranspose<T extends BaseConvTranspose<T>> extends FilterConv<T> {
  int[] outputPadding;

  BaseConvTranspose(int rank, int filters, int[] kernelSize) {
    super(rank, filters, kernelSize);
  }

  /**
   * Extra positions at the end of each spatial axis (one value, or one per axis; each below its
   * stride); null (the default, Keras's None) infers it.
   */
  public T outputPadding(int... outputPadding) {
    checkNotBuilt("outputPadding");
    this.outputPadding =
        outputPadding == null ? null : tuple("output_padding", outputPadding, true);
    return self();
  }

  @Override
  int outputChannels(int inputChannels) {
    return filters;
  }

  private void checkOutputPadding() {
    if (outputPadding == null) {
      return;
    }
    for (int i = 0; i < rank; i++) {
      if (outputPadding[i] >= strides[i]) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + kind()
                + "): `output_padding` must be smaller than `strides` on every axis. Received:"
                + " output_padding="
                + format(outputPadding)
                + ", strides="
                + format(strides));
      }
    }
  }

  /** Keras's {@code compute_conv_transpose_output_shape}. */
  @Override
  public int[] computeOutputShape(int[] inputShape) {
    inputChannels(inputShape);
    checkOutputPadding();
    int[] in = spatial(inputShape);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int eff = (kernelSize[i] - 1) * dilationRate[i] + 1;
      int s = strides[i];
      if (in[i] < 0) {
        out[i] = -1;
      } else if (padding.equals("valid")) {
        int op = outputPadding == null ? Math.max(eff, s) - eff : outputPadding[i];
        out[i] = (in[i] - 1) * s + eff + op;
      } else {
        out[i] = outputPadding == null ? in[i] * s : (in[i] - 1) * s + eff % 2 + outputPadding[i];
      }
      if (in[i] >= 0 && out[i] <= 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + kind()
                + "): the output would have no positions on spatial axis "
                + i
                + ". Received: input_shape="
                + Shapes.toString(inputShape)
                + ", output_padding="
                + (outputPadding == null ? "None" : format(outputPadding)));
      }
    }
    return assemble(inputShape[0], out, filters);
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int c = inputChannels(inputShape);
    computeOutputShape(inputShape);
    int[] shape = Arrays.copyOf(kernelSize, rank + 2);
    shape[rank] = filters;
    shape[rank + 1] = c;
    addKernelAndBias(shape);
    inputSpec(InputSpec.ndim(rank + 2).withAxis(channelsFirst() ? 1 : -1, c));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor y =
        Ops.convTranspose(
            inputs, kernel.value(), strides, padding, outputPadding, dataFormat, dilationRate);
    return finish(y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    putGeometry(c);
    // Keras's get_config leaves output_padding out (its constructor takes it); written here so
    // that a round trip keeps it.
    c.put("output_padding", outputPadding == null ? null : Config.list(outputPadding));
    putActivation(c);
    putWeights(c);
    return c;
  }

  static <L extends BaseConvTranspose<L>> L read(Config c, L layer) {
    layer.outputPadding(c.getInts("output_padding", null));
    return layer.readKernel(c);
  }
}

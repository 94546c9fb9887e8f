package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code BaseConv}: the convolution layers Conv1D, Conv2D and Conv3D, with a kernel {@code
 * (k..., in / groups, filters)}, groups and bias, computed by {@code Ops.conv}.
 */
abstract class BaseConv<T extends BaseConv<T>> extends FilterConv<T> {
  int groups = 1;

  BaseConv(int rank, int filters, int[] kernelSize) {
    super(rank, filters, kernelSize);
  }

  /** Splits the channels into this many groups (dividing the input channels and filters). */
  public T groups(int groups) {
    checkNotBuilt("groups");
    checkPositive("groups", groups);
    if (filters % groups != 0) {
      throw new IllegalArgumentException(
          "Argument `filters` of layer "
              + kind()
              + " must be divisible by `groups`. Received: filters="
              + filters
              + ", groups="
              + groups);
    }
    this.groups = groups;
    return self();
  }

  public int groups() {
    return groups;
  }

  @Override
  int outputChannels(int inputChannels) {
    return filters;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    int c = inputChannels(inputShape);
    if (c % groups != 0) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' ("
              + kind()
              + "): the input channels must be divisible by `groups`. Received: groups="
              + groups
              + ", input_shape="
              + Shapes.toString(inputShape));
    }
    convOutputSpatial(inputShape);
    int[] shape = Arrays.copyOf(kernelSize, rank + 2);
    shape[rank] = c / groups;
    shape[rank + 1] = filters;
    addKernelAndBias(shape);
    inputSpec(InputSpec.ndim(rank + 2).withAxis(channelsFirst() ? 1 : -1, c));
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    // One fused op (product, bias, activation) when the backend can apply the activation in the
    // product's epilogue, as Dense does; otherwise Keras's conv, bias add and activation.
    FusedActivation fused = groups == 1 ? Dense.fusedActivation(activation) : null;
    if (fused != null) {
      Tensor b = bias == null ? null : bias.value();
      return Ops.conv(inputs, kernel.value(), b, fused, strides, padding, dataFormat, dilationRate);
    }
    Tensor y = Ops.conv(inputs, kernel.value(), strides, padding, dataFormat, dilationRate);
    return finish(y);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filters", filters);
    putGeometry(c);
    c.put("groups", groups);
    putActivation(c);
    putWeights(c);
    return c;
  }

  /** Reads a Conv config into {@code layer} (its filters and kernel size already given). */
  static <L extends BaseConv<L>> L read(Config c, L layer) {
    layer.groups(c.getInt("groups", 1));
    return layer.readKernel(c);
  }
}

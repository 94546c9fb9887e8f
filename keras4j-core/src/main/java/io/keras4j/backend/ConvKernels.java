package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Convolution over channels_last data with any number of spatial axes (1 to 3), in Keras's kernel
 * layout, and its two gradients: the primitives behind {@code keras.ops.conv}, {@code
 * conv_transpose}, {@code depthwise_conv} and {@code separable_conv}.
 *
 * <p>Data {@code x} has shape {@code (batch, spatial..., channels)}. A convolution kernel has shape
 * {@code (k..., in / groups, out)}; a depthwise kernel {@code (k..., in, depthMultiplier)}, whose
 * output channel {@code c * depthMultiplier + m} reads input channel {@code c}. Per spatial axis
 * {@code i}, output position {@code o} reads input positions {@code o * strides[i] - padBefore[i] +
 * t * dilation[i]} for the kernel taps {@code t}; positions outside the input read zero. The output
 * has {@code (in + padBefore + padAfter - ((k - 1) * dilation + 1)) / strides + 1} positions
 * (floor); {@code padAfter} may be negative (trailing input the convolution never reads, as in the
 * gradient of a transposed convolution). The ops ({@code io.keras4j.ops}) turn Keras's {@code
 * valid}/{@code same}/{@code causal} into these amounts and validate shapes; a kernel may assume
 * them valid.
 *
 * <p>A transposed convolution is {@link #convBackwardInput} (its gradient {@link #conv} and {@link
 * #convBackwardKernel}); channels_first data is transposed to channels_last by the ops.
 */
public interface ConvKernels {

  /** The convolution of {@code x} by {@code kernel}, {@code groups} dividing the channels. */
  Tensor conv(
      Tensor x,
      Tensor kernel,
      int[] strides,
      int[] padBefore,
      int[] padAfter,
      int[] dilation,
      int groups);

  /**
   * The gradient of {@link #conv} with respect to its input of shape {@code inputShape}, given the
   * output's gradient {@code dy} (also a transposed convolution of {@code dy}).
   */
  Tensor convBackwardInput(
      Tensor dy,
      Tensor kernel,
      int[] inputShape,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      int groups);

  /** The gradient of {@link #conv} with respect to its kernel of shape {@code kernelShape}. */
  Tensor convBackwardKernel(
      Tensor x,
      Tensor dy,
      int[] kernelShape,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      int groups);

  /**
   * The depthwise convolution of {@code x}: each channel by its own {@code depthMultiplier} taps.
   */
  Tensor depthwiseConv(
      Tensor x, Tensor kernel, int[] strides, int[] padBefore, int[] padAfter, int[] dilation);

  /**
   * The gradient of {@link #depthwiseConv} with respect to its input of shape {@code inputShape}.
   */
  Tensor depthwiseConvBackwardInput(
      Tensor dy, Tensor kernel, int[] inputShape, int[] strides, int[] padBefore, int[] dilation);

  /**
   * The gradient of {@link #depthwiseConv} with respect to its kernel of shape {@code kernelShape}.
   */
  Tensor depthwiseConvBackwardKernel(
      Tensor x, Tensor dy, int[] kernelShape, int[] strides, int[] padBefore, int[] dilation);

  /**
   * A Conv layer in one pass: {@code activation(conv(x, kernel) + bias)} without groups, the bias
   * ({@code [out]}, or null) and activation applied by the product's epilogue while each output
   * tile is in cache, as {@link ArrayKernels#linear} does for Dense.
   */
  Tensor convBiasActivation(
      Tensor x,
      Tensor kernel,
      Tensor bias,
      FusedActivation activation,
      int[] strides,
      int[] padBefore,
      int[] padAfter,
      int[] dilation);

  /**
   * The gradients of {@link #convBiasActivation} given its output {@code y} and the output's
   * gradient {@code dy}: {@code dz = dy * activation'(y)} once (with the bias gradient summed in
   * the same pass), then {@link #convBackwardInput} and {@link #convBackwardKernel} of dz. Returns
   * {@code {dx, dkernel, dbias}}, each null when not asked for.
   */
  Tensor[] convBiasActivationBackward(
      Tensor x,
      Tensor kernel,
      Tensor y,
      Tensor dy,
      FusedActivation activation,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      boolean needX,
      boolean needKernel,
      boolean needBias);
}

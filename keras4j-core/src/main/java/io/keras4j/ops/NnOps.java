package io.keras4j.ops;

import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import java.util.List;

/**
 * The neural-network part of the ops, as Keras's {@code keras.ops.nn}: activations, softmax, the
 * cross-entropies, pooling, convolution and normalization. {@link Ops} inherits them, so {@code
 * Ops.conv(...)} and {@code NnOps.conv(...)} are the same op (as {@code keras.ops.conv} is {@code
 * keras.ops.nn.conv}); each family's code lives in its own class ({@link ConvOps}, {@link PoolOps},
 * ...).
 */
public abstract class NnOps {
  NnOps() {}

  // ---- neural-network functions ----------------------------------------------------------

  public static Tensor relu6(Tensor x) {
    return ActivationOps.relu6(x);
  }

  /** Leaky relu with Keras's default negative slope, 0.2. */
  public static Tensor leakyRelu(Tensor x) {
    return ActivationOps.leakyRelu(x, 0.2f);
  }

  public static Tensor leakyRelu(Tensor x, float negativeSlope) {
    return ActivationOps.leakyRelu(x, negativeSlope);
  }

  public static Tensor elu(Tensor x) {
    return ActivationOps.elu(x, 1f);
  }

  public static Tensor elu(Tensor x, float alpha) {
    return ActivationOps.elu(x, alpha);
  }

  public static Tensor selu(Tensor x) {
    return ActivationOps.selu(x);
  }

  /** Gelu with the tanh approximation, Keras's default. */
  public static Tensor gelu(Tensor x) {
    return ActivationOps.gelu(x, true);
  }

  /** Gelu, exact (with erf) when {@code approximate} is false. */
  public static Tensor gelu(Tensor x, boolean approximate) {
    return ActivationOps.gelu(x, approximate);
  }

  /** x * sigmoid(x). */
  public static Tensor silu(Tensor x) {
    return ActivationOps.silu(x);
  }

  /** relu6(x + 3) / 6, as Keras 3. */
  public static Tensor hardSigmoid(Tensor x) {
    return ActivationOps.hardSigmoid(x);
  }

  public static Tensor hardSilu(Tensor x) {
    return ActivationOps.hardSilu(x);
  }

  public static Tensor logSigmoid(Tensor x) {
    return ActivationOps.logSigmoid(x);
  }

  /** Softmax over the last axis. */
  public static Tensor softmax(Tensor x) {
    return SoftmaxOps.softmax(x, -1);
  }

  public static Tensor softmax(Tensor x, int axis) {
    return SoftmaxOps.softmax(x, axis);
  }

  public static Tensor logSoftmax(Tensor x) {
    return SoftmaxOps.logSoftmax(x, -1);
  }

  public static Tensor logSoftmax(Tensor x, int axis) {
    return SoftmaxOps.logSoftmax(x, axis);
  }

  // ---- cross-entropies (per-sample values, as keras.ops computes them) -------------------

  /** Elementwise binary cross-entropy of probabilities (not reduced, as keras.ops). */
  public static Tensor binaryCrossentropy(Tensor target, Tensor output) {
    return CrossEntropy.binary(target, output, false);
  }

  public static Tensor binaryCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
    return CrossEntropy.binary(target, output, fromLogits);
  }

  /** Cross-entropy over the last axis of probabilities; one value per sample. */
  public static Tensor categoricalCrossentropy(Tensor target, Tensor output) {
    return CrossEntropy.categorical(target, output, false, -1);
  }

  public static Tensor categoricalCrossentropy(Tensor target, Tensor output, boolean fromLogits) {
    return CrossEntropy.categorical(target, output, fromLogits, -1);
  }

  public static Tensor categoricalCrossentropy(
      Tensor target, Tensor output, boolean fromLogits, int axis) {
    return CrossEntropy.categorical(target, output, fromLogits, axis);
  }

  /** Cross-entropy with integer labels over the last axis of probabilities. */
  public static Tensor sparseCategoricalCrossentropy(Tensor target, Tensor output) {
    return CrossEntropy.sparseCategorical(target, output, false, -1);
  }

  public static Tensor sparseCategoricalCrossentropy(
      Tensor target, Tensor output, boolean fromLogits) {
    return CrossEntropy.sparseCategorical(target, output, fromLogits, -1);
  }

  public static Tensor sparseCategoricalCrossentropy(
      Tensor target, Tensor output, boolean fromLogits, int axis) {
    return CrossEntropy.sparseCategorical(target, output, fromLogits, axis);
  }

  // ---- pooling (family PoolKernels, Backend.pooling()) -----------------------------------

  /**
   * Max pooling over the spatial axes of a rank 3, 4 or 5 input, as {@code keras.ops.max_pool}:
   * {@code poolSize} and {@code strides} have one entry per spatial axis, or one for all ({@code
   * strides} null: the pool size); padding {@code "valid"} or {@code "same"}; data format {@code
   * "channels_last"} (null) or {@code "channels_first"}.
   */
  public static Tensor maxPool(
      Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat) {
    return PoolOps.maxPool(x, poolSize, strides, padding, dataFormat);
  }

  /** Max pooling with strides equal to the pool size, valid padding, channels_last. */
  public static Tensor maxPool(Tensor x, int... poolSize) {
    return PoolOps.maxPool(x, poolSize, null, "valid", null);
  }

  /**
   * Average pooling, as {@code keras.ops.average_pool}; with {@code "same"} padding the padded
   * positions are left out of each mean. Arguments as {@link #maxPool(Tensor, int[], int[], String,
   * String)}.
   */
  public static Tensor averagePool(
      Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat) {
    return PoolOps.averagePool(x, poolSize, strides, padding, dataFormat);
  }

  /** Average pooling with strides equal to the pool size, valid padding, channels_last. */
  public static Tensor averagePool(Tensor x, int... poolSize) {
    return PoolOps.averagePool(x, poolSize, null, "valid", null);
  }

  // ---- convolution (backend family ConvKernels, Backend.conv()) ---------------------------

  /** {@code keras.ops.conv} with strides 1, {@code "valid"} padding, channels_last. */
  public static Tensor conv(Tensor x, Tensor kernel) {
    return ConvOps.conv(x, kernel, new int[] {1}, "valid", null, new int[] {1});
  }

  /** {@code keras.ops.conv(x, kernel, strides, padding)}, channels_last, no dilation. */
  public static Tensor conv(Tensor x, Tensor kernel, int strides, String padding) {
    return ConvOps.conv(x, kernel, new int[] {strides}, padding, null, new int[] {1});
  }

  /**
   * {@code keras.ops.conv}: x is {@code (batch, spatial..., channels)} (or channels first), the
   * kernel {@code (k..., in / groups, out)}; groups are {@code in / kernel.shape[-2]}. strides and
   * dilationRate hold one value or one per spatial axis; padding is {@code "valid"}, {@code "same"}
   * or, with one spatial axis, {@code "causal"}; dataFormat null means channels_last.
   */
  public static Tensor conv(
      Tensor x,
      Tensor kernel,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    return ConvOps.conv(x, kernel, strides, padding, dataFormat, dilationRate);
  }

  /**
   * A Conv layer in one op: {@code activation(conv(x, kernel) + bias)} (no groups; bias may be
   * null), the bias and activation applied in the product's epilogue, as {@link #linear} for Dense.
   * The arguments are those of {@link #conv(Tensor, Tensor, int[], String, String, int[])}.
   */
  public static Tensor conv(
      Tensor x,
      Tensor kernel,
      Tensor bias,
      FusedActivation activation,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    return ConvOps.convBiasActivation(
        x, kernel, bias, activation, strides, padding, dataFormat, dilationRate);
  }

  /** {@code keras.ops.conv_transpose(x, kernel, strides)}: valid padding, channels_last. */
  public static Tensor convTranspose(Tensor x, Tensor kernel, int strides) {
    return ConvOps.convTranspose(
        x, kernel, new int[] {strides}, "valid", null, null, new int[] {1});
  }

  public static Tensor convTranspose(Tensor x, Tensor kernel, int strides, String padding) {
    return ConvOps.convTranspose(
        x, kernel, new int[] {strides}, padding, null, null, new int[] {1});
  }

  /**
   * {@code keras.ops.conv_transpose}: the kernel is {@code (k..., filters, in)}; outputPadding null
   * (Keras's None) or one value or one per spatial axis, each below its stride.
   */
  public static Tensor convTranspose(
      Tensor x,
      Tensor kernel,
      int[] strides,
      String padding,
      int[] outputPadding,
      String dataFormat,
      int[] dilationRate) {
    return ConvOps.convTranspose(
        x, kernel, strides, padding, outputPadding, dataFormat, dilationRate);
  }

  /** {@code keras.ops.depthwise_conv} with strides 1, valid padding, channels_last. */
  public static Tensor depthwiseConv(Tensor x, Tensor kernel) {
    return ConvOps.depthwiseConv(x, kernel, new int[] {1}, "valid", null, new int[] {1});
  }

  public static Tensor depthwiseConv(Tensor x, Tensor kernel, int strides, String padding) {
    return ConvOps.depthwiseConv(x, kernel, new int[] {strides}, padding, null, new int[] {1});
  }

  /** {@code keras.ops.depthwise_conv}: the kernel is {@code (k..., in, depth_multiplier)}. */
  public static Tensor depthwiseConv(
      Tensor x,
      Tensor kernel,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    return ConvOps.depthwiseConv(x, kernel, strides, padding, dataFormat, dilationRate);
  }

  /** {@code keras.ops.separable_conv} with strides 1, valid padding, channels_last. */
  public static Tensor separableConv(Tensor x, Tensor depthwiseKernel, Tensor pointwiseKernel) {
    return ConvOps.separableConv(
        x, depthwiseKernel, pointwiseKernel, new int[] {1}, "valid", null, new int[] {1});
  }

  public static Tensor separableConv(
      Tensor x, Tensor depthwiseKernel, Tensor pointwiseKernel, int strides, String padding) {
    return ConvOps.separableConv(
        x, depthwiseKernel, pointwiseKernel, new int[] {strides}, padding, null, new int[] {1});
  }

  /**
   * {@code keras.ops.separable_conv}: a depthwise convolution, then a 1x1 convolution by the
   * pointwise kernel {@code (1, ..., 1, in * depth_multiplier, filters)}.
   */
  public static Tensor separableConv(
      Tensor x,
      Tensor depthwiseKernel,
      Tensor pointwiseKernel,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    return ConvOps.separableConv(
        x, depthwiseKernel, pointwiseKernel, strides, padding, dataFormat, dilationRate);
  }

  // ---- normalization (NormalizationOps, family NormKernels; the normalization layers) ------

  /**
   * The mean and the variance (divided by the count) of {@code x} over {@code axes}, as Keras's
   * {@code ops.moments}: a list {@code [mean, variance]}.
   */
  public static List<Tensor> moments(Tensor x, int[] axes, boolean keepdims) {
    return NormalizationOps.moments(x, axes, keepdims);
  }

  /**
   * {@code (x - mean) / sqrt(variance + epsilon) * scale + offset} along {@code axis}, as Keras's
   * {@code ops.batch_normalization}; {@code offset} and {@code scale} may be null.
   */
  public static Tensor batchNormalization(
      Tensor x,
      Tensor mean,
      Tensor variance,
      int axis,
      Tensor offset,
      Tensor scale,
      float epsilon) {
    return NormalizationOps.batchNormalization(x, mean, variance, axis, offset, scale, epsilon);
  }

  /**
   * Batch normalization in training in one fused op: the batch's mean and variance over every axis
   * but {@code axis}, then {@code (x - mean) / sqrt(variance + epsilon) * scale + offset}. Returns
   * {@code [y, mean, variance]}; {@code scale} and {@code offset} are 1-D or null. Gradients flow
   * through {@code y} only (mean and variance are for the moving averages).
   */
  public static List<Tensor> batchNormalizationTraining(
      Tensor x, Tensor offset, Tensor scale, int axis, float epsilon) {
    return NormalizationOps.batchNormalizationTraining(x, offset, scale, axis, epsilon);
  }

  /**
   * {@code x * rsqrt(mean(square(x), axes) + epsilon) * scale}, as Keras's {@code
   * ops.rms_normalization}; {@code scale} may be null.
   */
  public static Tensor rmsNormalization(Tensor x, Tensor scale, int[] axes, float epsilon) {
    return NormalizationOps.rmsNormalization(x, scale, axes, epsilon);
  }
}

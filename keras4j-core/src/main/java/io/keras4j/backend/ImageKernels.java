package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Resizing and affine resampling of images, and their gradients: the primitives behind Keras's
 * {@code keras.ops.image.resize} and {@code keras.ops.image.affine_transform}.
 *
 * <p>Part of {@link Backend}; tensors in, new float32 tensors out. Arguments are already validated
 * by the caller. Every image tensor is a channels_last batch {@code (batch, height, width,
 * channels)}; the ops add the batch axis and transpose channels_first data.
 *
 * <p>Both operations are linear in the images: each output value is a weighted sum of input values
 * (plus, for an affine transform in {@link FillMode#CONSTANT} mode, the fill value times the weight
 * that fell outside the image). Their backward functions are the transposes, scatter-adding the
 * output gradient with the same weights.
 */
public interface ImageKernels {

  /** How a value is read between pixel centres. */
  enum Interpolation {
    /** The nearest pixel. */
    NEAREST,
    /** The four surrounding pixels, weighted linearly in y and x. */
    BILINEAR
  }

  /**
   * How pixels outside the image read, for an image row {@code a b c d} (as Keras's numpy backend,
   * which pads with numpy's modes in parentheses).
   */
  enum FillMode {
    /** {@code k k | a b c d | k k}: the fill value ({@code constant}). */
    CONSTANT,
    /** {@code a a | a b c d | d d}: the edge pixel ({@code edge}). */
    NEAREST,
    /** {@code c d | a b c d | a b}: periodic ({@code wrap}). */
    WRAP,
    /** {@code c b | a b c d | c b}: reflected about the edge pixel's centre ({@code reflect}). */
    MIRROR,
    /** {@code b a | a b c d | d c}: reflected about the image's edge ({@code symmetric}). */
    REFLECT
  }

  /**
   * Resizes {@code images} to {@code (height, width)} with half-pixel centres (TensorFlow's and
   * jax's {@code resize} without antialiasing): on each axis output position {@code o} reads input
   * position {@code (o + 0.5) * in / out - 0.5}, clamped to {@code [0, in - 1]}, for {@link
   * Interpolation#BILINEAR}, and pixel {@code min(floor((o + 0.5) * in / out), in - 1)} for {@link
   * Interpolation#NEAREST}.
   */
  Tensor resize(Tensor images, int height, int width, Interpolation interpolation);

  /**
   * The gradient of {@link #resize} with respect to images of shape {@code inputShape}, given the
   * output's gradient {@code dy}.
   */
  Tensor resizeBackward(Tensor dy, int[] inputShape, Interpolation interpolation);

  /**
   * Resamples each image with its transform: {@code transforms} is float32 {@code (m, 8)} with
   * {@code m} 1 (one transform for every image) or the batch size; row {@code [a0, a1, a2, b0, b1,
   * b2, c0, c1]} makes output pixel {@code (x, y)} read the input at {@code ((a0 x + a1 y + a2) /
   * k, (b0 x + b1 y + b2) / k)}, {@code k = c0 x + c1 y + 1}. {@link Interpolation#NEAREST} reads
   * pixel {@code floor(coordinate + 0.5)} on each axis; pixels outside the image read as {@code
   * fillMode} says ({@code fillValue} for {@link FillMode#CONSTANT}).
   */
  Tensor affineTransform(
      Tensor images,
      Tensor transforms,
      Interpolation interpolation,
      FillMode fillMode,
      float fillValue);

  /**
   * The gradient of {@link #affineTransform} with respect to images of shape {@code inputShape}
   * (none with respect to the transforms), given the output's gradient {@code dy}.
   */
  Tensor affineTransformBackward(
      Tensor dy,
      Tensor transforms,
      int[] inputShape,
      Interpolation interpolation,
      FillMode fillMode);
}

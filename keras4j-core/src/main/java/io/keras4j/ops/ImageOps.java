package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ImageKernels;
import io.keras4j.backend.ImageKernels.FillMode;
import io.keras4j.backend.ImageKernels.Interpolation;
import io.keras4j.internal.ShapeRefs;
import java.util.Locale;

/**
 * Keras's {@code keras.ops.image} namespace: {@link #resize} and {@link #affineTransform}, on one
 * image {@code (height, width, channels)} or a batch {@code (batch, height, width, channels)}
 * ({@code channels_first}: channels before height). Both are linear in the images, and record their
 * gradient with respect to the images (the transpose of the resampling); an affine transform's
 * {@code transform} gets none, as in Keras.
 */
public final class ImageOps {
  private ImageOps() {}

  private static ImageKernels kernels() {
    return Backend.current().image();
  }

  /** {@link #resize(Tensor, int, int, String, String)} bilinear, channels_last. */
  public static Tensor resize(Tensor images, int height, int width) {
    return resize(images, height, width, "bilinear", "channels_last");
  }

  /**
   * Resizes images to {@code (height, width)}: Keras's {@code keras.ops.image.resize} with {@code
   * antialias=False}, half-pixel centres as TensorFlow's and jax's resize. {@code "bilinear"} reads
   * input position {@code (o + 0.5) * in / out - 0.5} on each axis, clamped to the image; {@code
   * "nearest"} reads pixel {@code floor((o + 0.5) * in / out)}, as {@code tf.image.resize(method=
   * "nearest")}.
   *
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"} (null: channels_last)
   */
  public static Tensor resize(
      Tensor images, int height, int width, String interpolation, String dataFormat) {
    String op = "resize";
    Interpolation interp = interpolation(op, interpolation);
    boolean channelsFirst = channelsFirst(op, dataFormat);
    int[] shape = ShapeRefs.of(images);
    checkRank(op, shape);
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          op
              + ": the size must be positive (height, width). Received: size=("
              + height
              + ", "
              + width
              + ")");
    }
    Tensor in = toBatchChannelsLast(images, channelsFirst);
    int[] inShape = ShapeRefs.of(in).clone();
    for (int i = 1; i <= 3; i++) {
      if (inShape[i] == 0) {
        throw new IllegalArgumentException(
            op + ": the images are empty. Received: images.shape=" + Shapes.toString(shape));
      }
    }
    Tensor y = kernels().resize(in, height, width, interp);
    GradientTape.record(
        y, new Tensor[] {in}, g -> new Tensor[] {kernels().resizeBackward(g, inShape, interp)});
    return fromBatchChannelsLast(y, shape.length == 3, channelsFirst);
  }

  /**
   * {@link #affineTransform(Tensor, Tensor, String, String, float, String)} bilinear, fill mode
   * {@code "constant"} with 0, channels_last.
   */
  public static Tensor affineTransform(Tensor images, Tensor transform) {
    return affineTransform(images, transform, "bilinear", "constant", 0f, "channels_last");
  }

  /**
   * Applies affine transforms to images: Keras's {@code keras.ops.image.affine_transform}. A
   * transform is {@code (8,)} (for every image) or {@code (batch, 8)}; row {@code [a0, a1, a2, b0,
   * b1, b2, c0, c1]} makes output pixel {@code (x, y)} read the input at {@code ((a0 x + a1 y + a2)
   * / k, (b0 x + b1 y + b2) / k)} with {@code k = c0 x + c1 y + 1} (the inverse of the map from
   * input to output; {@code c0, c1} as TensorFlow's, which Keras's other backends take as 0).
   * Positions outside the image read as {@code fillMode} says, as in Keras's numpy backend: {@code
   * "constant"} ({@code fillValue}), {@code "nearest"} (the edge pixel), {@code "wrap"}, {@code
   * "mirror"} (reflected about the edge pixel's centre), {@code "reflect"} (about the image edge).
   * The gradient flows to the images only: the transform gets none.
   *
   * @param interpolation {@code "bilinear"} or {@code "nearest"}
   * @param dataFormat {@code "channels_last"} or {@code "channels_first"} (null: channels_last)
   */
  public static Tensor affineTransform(
      Tensor images,
      Tensor transform,
      String interpolation,
      String fillMode,
      float fillValue,
      String dataFormat) {
    String op = "affine_transform";
    Interpolation interp = interpolation(op, interpolation);
    FillMode mode = fillMode(op, fillMode);
    boolean channelsFirst = channelsFirst(op, dataFormat);
    int[] shape = ShapeRefs.of(images);
    checkRank(op, shape);
    int batch = shape.length == 4 ? shape[0] : 1;
    int[] ts = ShapeRefs.of(transform);
    boolean rows = ts.length == 2 && (ts[0] == 1 || ts[0] == batch);
    if (!(ts.length == 1 || rows) || ts[ts.length - 1] != 8) {
      throw new IllegalArgumentException(
          op
              + ": expected a transform of shape (8,) or (batch, 8), batch "
              + batch
              + ". Received: transform.shape="
              + Shapes.toString(ts));
    }
    Tensor t = ts.length == 1 ? transform.reshapeView(1, 8) : transform;
    Tensor in = toBatchChannelsLast(images, channelsFirst);
    int[] inShape = ShapeRefs.of(in).clone();
    Tensor y = kernels().affineTransform(in, t, interp, mode, fillValue);
    GradientTape.record(
        y,
        new Tensor[] {in},
        g -> new Tensor[] {kernels().affineTransformBackward(g, t, inShape, interp, mode)});
    return fromBatchChannelsLast(y, shape.length == 3, channelsFirst);
  }

  private static void checkRank(String op, int[] shape) {
    if (shape.length != 3 && shape.length != 4) {
      throw new IllegalArgumentException(
          op
              + ": expected images of rank 3 (one image) or 4 (a batch of images)."
              + " Received: images.shape="
              + Shapes.toString(shape));
    }
  }

  /** One image or a batch, either data format, as a channels_last batch. */
  private static Tensor toBatchChannelsLast(Tensor images, boolean channelsFirst) {
    Tensor x = images.rank() == 3 ? ShapeOps.expandDims(images, 0) : images;
    return channelsFirst ? ShapeOps.transpose(x, new int[] {0, 2, 3, 1}) : x;
  }

  private static Tensor fromBatchChannelsLast(Tensor y, boolean single, boolean channelsFirst) {
    Tensor x = channelsFirst ? ShapeOps.transpose(y, new int[] {0, 3, 1, 2}) : y;
    return single ? ShapeOps.squeeze(x, new int[] {0}) : x;
  }

  static Interpolation interpolation(String op, String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "bilinear" -> Interpolation.BILINEAR;
      case "nearest" -> Interpolation.NEAREST;
      default ->
          throw new IllegalArgumentException(
              op
                  + ": interpolation must be 'nearest' or 'bilinear'. Received: interpolation="
                  + name);
    };
  }

  static FillMode fillMode(String op, String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "constant" -> FillMode.CONSTANT;
      case "nearest" -> FillMode.NEAREST;
      case "wrap" -> FillMode.WRAP;
      case "mirror" -> FillMode.MIRROR;
      case "reflect" -> FillMode.REFLECT;
      default ->
          throw new IllegalArgumentException(
              op
                  + ": fill_mode must be one of 'constant', 'nearest', 'wrap', 'mirror',"
                  + " 'reflect'. Received: fill_mode="
                  + name);
    };
  }

  static boolean channelsFirst(String op, String dataFormat) {
    if (dataFormat == null) {
      return false;
    }
    String f = dataFormat.toLowerCase(Locale.ROOT);
    if (f.equals("channels_first")) {
      return true;
    }
    if (f.equals("channels_last")) {
      return false;
    }
    throw new IllegalArgumentException(
        op
            + ": data_format must be 'channels_first' or 'channels_last'. Received: data_format="
            + dataFormat);
  }
}

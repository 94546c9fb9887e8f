package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.ImageOps;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Locale;

/**
 * What the image preprocessing layers share: argument checks with Keras's messages, the height and
 * width axes of either data format, and Keras's crop to the target aspect ratio ({@code
 * smart_resize}).
 */
final class ImageLayers {
  private ImageLayers() {}

  /** The fill modes of Keras's geometric augmentation layers. */
  static final List<String> FILL_MODES = List.of("reflect", "wrap", "constant", "nearest");

  /** Checks a rank 3 or 4 input; the message names the layer's name, its class and the shape. */
  static int[] checkImages(String className, String layerName, Tensor inputs) {
    int[] s = ShapeRefs.of(inputs);
    if (s.length != 3 && s.length != 4) {
      throw new IllegalArgumentException(
          "Layer '"
              + layerName
              + "' ("
              + className
              + ") expects images of rank 4 (batch, height, width, channels) or 3 (one image)."
              + " Received: shape="
              + Shapes.toString(s));
    }
    return s;
  }

  /** A {@code value_range} (low, high) with low < high, as RandomContrast/RandomBrightness take. */
  static double[] valueRange(String className, double low, double high) {
    if (!(low < high)) {
      throw new IllegalArgumentException(
          className
              + ": value_range must be (low, high) with low < high. Received: value_range=("
              + low
              + ", "
              + high
              + ")");
    }
    return new double[] {low, high};
  }

  /** The height axis of a rank-3 or rank-4 shape; the width axis follows it. */
  static int heightAxis(int rank, boolean channelsFirst) {
    return rank - (channelsFirst ? 2 : 3);
  }

  static String fillMode(String className, String fillMode) {
    String f = fillMode == null ? "" : fillMode.toLowerCase(Locale.ROOT);
    if (!FILL_MODES.contains(f)) {
      throw new IllegalArgumentException(
          className
              + ": unknown fill_mode. Expected one of "
              + FILL_MODES
              + ". Received: fill_mode="
              + fillMode);
    }
    return f;
  }

  static String interpolation(String className, String interpolation) {
    String i = interpolation == null ? "" : interpolation.toLowerCase(Locale.ROOT);
    if (!i.equals("nearest") && !i.equals("bilinear")) {
      throw new IllegalArgumentException(
          className
              + ": unknown interpolation. Expected one of [nearest, bilinear]. Received:"
              + " interpolation="
              + interpolation);
    }
    return i;
  }

  static String dataFormat(String className, String dataFormat) {
    if (dataFormat == null) {
      return "channels_last";
    }
    String f = dataFormat.toLowerCase(Locale.ROOT);
    if (!f.equals("channels_first") && !f.equals("channels_last")) {
      throw new IllegalArgumentException(
          className
              + ": data_format must be one of [channels_first, channels_last]. Received:"
              + " data_format="
              + dataFormat);
    }
    return f;
  }

  /** A positive target size (height or width). */
  static int positive(String className, String argument, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          className
              + ": "
              + argument
              + " must be a positive integer. Received: "
              + argument
              + "="
              + value);
    }
    return value;
  }

  /**
   * A factor's (lower, upper) range as Keras's zoom and translation layers read it: one number
   * {@code f} in [min, max] means {@code (-|f|, |f|)}, a pair is sorted, each entry in [min, max].
   */
  static double[] factorRange(
      String className, String argument, double lower, double upper, double min, double max) {
    for (double v : new double[] {lower, upper}) {
      if (!(v >= min && v <= max)) {
        throw new IllegalArgumentException(
            className
                + ": the `"
                + argument
                + "` argument should be a number (or a pair of numbers) in the range ["
                + min
                + ", "
                + max
                + "]. Received: "
                + argument
                + "="
                + (lower == upper ? String.valueOf(lower) : "(" + lower + ", " + upper + ")"));
      }
    }
    return new double[] {Math.min(lower, upper), Math.max(lower, upper)};
  }

  /** A factor config value: a number {@code f} (returned as {@code (-|f|, |f|)}) or a pair. */
  static double[] factorFromConfig(Object value) {
    if (value instanceof List<?> l) {
      return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
    }
    double f = Math.abs(((Number) value).doubleValue());
    return new double[] {-f, f};
  }

  /** Reads a fill_value config entry (absent: 0). */
  static float fillValue(Config c) {
    return (float) c.getDouble("fill_value", 0);
  }

  /**
   * Keras's crop to the aspect ratio of {@code (height, width)}: the largest centred window of that
   * ratio ({@code smart_resize}, {@code crop_to_aspect_ratio}). Returns {start h, start w, size h,
   * size w} for an image of {@code inH x inW}.
   */
  static int[] aspectCrop(int inH, int inW, int height, int width) {
    int cropH = (int) ((double) inW * height / width);
    cropH = Math.max(Math.min(inH, cropH), 1);
    int cropW = (int) ((double) inH * width / height);
    cropW = Math.max(Math.min(inW, cropW), 1);
    return new int[] {(inH - cropH) / 2, (inW - cropW) / 2, cropH, cropW};
  }

  /** The window {@code [h0, h0 + h) x [w0, w0 + w)} of every image (a slice, differentiable). */
  static Tensor crop(Tensor x, boolean channelsFirst, int h0, int w0, int h, int w) {
    int rank = x.rank();
    int ha = heightAxis(rank, channelsFirst);
    int[] start = new int[rank];
    int[] size = new int[rank];
    java.util.Arrays.fill(size, -1);
    start[ha] = h0;
    start[ha + 1] = w0;
    size[ha] = h;
    size[ha + 1] = w;
    return Ops.slice(x, start, size);
  }

  /** Keras's {@code smart_resize}: the aspect-ratio crop, then a resize to (height, width). */
  static Tensor smartResize(
      Tensor x, boolean channelsFirst, int height, int width, String interpolation) {
    int[] s = ShapeRefs.of(x);
    int ha = heightAxis(s.length, channelsFirst);
    int[] c = aspectCrop(s[ha], s[ha + 1], height, width);
    Tensor cropped = crop(x, channelsFirst, c[0], c[1], c[2], c[3]);
    return resize(cropped, channelsFirst, height, width, interpolation);
  }

  /** {@link ImageOps#resize}, or the input itself when it has the size already. */
  static Tensor resize(
      Tensor x, boolean channelsFirst, int height, int width, String interpolation) {
    int[] s = ShapeRefs.of(x);
    int ha = heightAxis(s.length, channelsFirst);
    if (s[ha] == height && s[ha + 1] == width) {
      return x;
    }
    return ImageOps.resize(
        x, height, width, interpolation, channelsFirst ? "channels_first" : "channels_last");
  }

  /** The output shape of a layer that resizes to (height, width) (-1 for unknown batch). */
  static int[] resizedShape(int[] inputShape, boolean channelsFirst, int height, int width) {
    int[] out = inputShape.clone();
    if (out.length == 3 || out.length == 4) {
      int ha = heightAxis(out.length, channelsFirst);
      out[ha] = height;
      out[ha + 1] = width;
    }
    return out;
  }
}

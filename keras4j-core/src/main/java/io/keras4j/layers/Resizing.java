package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Resizes images to {@code (height, width)}, as Keras's {@code Resizing}, in training and inference
 * alike: {@code keras.ops.image.resize} ({@code "bilinear"} by default, or {@code "nearest"}),
 * optionally after cropping ({@code cropToAspectRatio}) or padding with {@code fillValue} ({@code
 * padToAspectRatio}) to the target's aspect ratio so that the image is not distorted. Images are
 * {@code (batch, height, width, channels)} or one {@code (height, width, channels)} ({@code
 * channels_first}: channels before height). Int32 images come back rounded to int32, as Keras's.
 */
public class Resizing extends Layer {
  private static final String NAME = "Resizing";
  private final int height;
  private final int width;
  private String interpolation = "bilinear";
  private boolean cropToAspectRatio;
  private boolean padToAspectRatio;
  private float fillValue;
  private String dataFormat = "channels_last";

  public Resizing(int height, int width) {
    this.height = ImageLayers.positive(NAME, "height", height);
    this.width = ImageLayers.positive(NAME, "width", width);
  }

  /** {@code "bilinear"} (default) or {@code "nearest"}. */
  public Resizing interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    this.interpolation = ImageLayers.interpolation(NAME, interpolation);
    return this;
  }

  /** Crop the largest centred window of the target's aspect ratio before resizing. */
  public Resizing cropToAspectRatio(boolean crop) {
    checkNotBuilt("cropToAspectRatio");
    this.cropToAspectRatio = crop;
    checkAspectOptions();
    return this;
  }

  /** Pad (with {@link #fillValue}) to the target's aspect ratio before resizing. */
  public Resizing padToAspectRatio(boolean pad) {
    checkNotBuilt("padToAspectRatio");
    this.padToAspectRatio = pad;
    checkAspectOptions();
    return this;
  }

  /** The value of the padding of {@link #padToAspectRatio} (default 0). */
  public Resizing fillValue(double fillValue) {
    checkNotBuilt("fillValue");
    this.fillValue = (float) fillValue;
    return this;
  }

  public Resizing dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = ImageLayers.dataFormat(NAME, dataFormat);
    return this;
  }

  private void checkAspectOptions() {
    if (cropToAspectRatio && padToAspectRatio) {
      throw new IllegalArgumentException(
          "Resizing: only one of crop_to_aspect_ratio and pad_to_aspect_ratio can be true."
              + " Received: crop_to_aspect_ratio=True, pad_to_aspect_ratio=True");
    }
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public String interpolation() {
    return interpolation;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ImageLayers.checkImages(NAME, name(), inputs);
    boolean cf = dataFormat.equals("channels_first");
    Tensor x = inputs.asFloat();
    if (cropToAspectRatio) {
      int ha = ImageLayers.heightAxis(s.length, cf);
      int[] c = ImageLayers.aspectCrop(s[ha], s[ha + 1], height, width);
      x = ImageLayers.crop(x, cf, c[0], c[1], c[2], c[3]);
    } else if (padToAspectRatio) {
      x = padToAspect(x, cf);
    }
    Tensor y = ImageLayers.resize(x, cf, height, width, interpolation);
    if (inputs.dtype() == DType.INT32) {
      return Ops.cast(Ops.round(y), DType.INT32);
    }
    return y;
  }

  /** Keras's pad_to_aspect_ratio: pads both sides of one axis with the fill value. */
  private Tensor padToAspect(Tensor x, boolean cf) {
    int[] s = ShapeRefs.of(x);
    int ha = ImageLayers.heightAxis(s.length, cf);
    int h = s[ha];
    int w = s[ha + 1];
    int padH = Math.max(h, (int) ((double) w * height / width));
    int padW = Math.max(w, (int) ((double) h * width / height));
    int h0 = (padH - h) / 2;
    int w0 = (padW - w) / 2;
    // As Keras: the same amount on both sides (so an odd difference loses a row).
    int[][] pads = new int[s.length][2];
    if (h0 > 0) {
      pads[ha] = new int[] {h0, h0};
    } else if (w0 > 0) {
      pads[ha + 1] = new int[] {w0, w0};
    } else {
      return x;
    }
    return Ops.pad(x, pads, fillValue);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return ImageLayers.resizedShape(inputShape, dataFormat.equals("channels_first"), height, width);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height", height);
    c.put("width", width);
    c.put("interpolation", interpolation);
    c.put("crop_to_aspect_ratio", cropToAspectRatio);
    c.put("pad_to_aspect_ratio", padToAspectRatio);
    c.put("fill_mode", "constant");
    c.put("fill_value", (double) fillValue);
    c.put("antialias", false);
    c.put("data_format", dataFormat);
    return c;
  }

  public static Resizing fromConfig(Config c) {
    Resizing r = new Resizing(c.getInt("height"), c.getInt("width"));
    r.interpolation(c.getString("interpolation", "bilinear"));
    r.cropToAspectRatio(c.getBoolean("crop_to_aspect_ratio", false));
    r.padToAspectRatio(c.getBoolean("pad_to_aspect_ratio", false));
    String fillMode = c.getString("fill_mode", "constant");
    if (!fillMode.equals("constant")) {
      throw new IllegalArgumentException(
          "Resizing: only fill_mode 'constant' is supported. Received: fill_mode=" + fillMode);
    }
    r.fillValue(ImageLayers.fillValue(c));
    if (c.getBoolean("antialias", false)) {
      throw new IllegalArgumentException(
          "Resizing: antialias is not supported by keras4j. Received: antialias=True");
    }
    r.dataFormat(c.getString("data_format", "channels_last"));
    return r.applyBaseConfig(c, r);
  }
}

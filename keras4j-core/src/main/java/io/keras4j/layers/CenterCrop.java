package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Crops the centre of images to {@code (height, width)}, as Keras's {@code CenterCrop}, in training
 * and inference alike: the window starts at {@code (in - target) / 2} (rounded down) on each axis.
 * An image smaller than the target on either axis is instead cropped to the target's aspect ratio
 * and resized (bilinear), as Keras's {@code smart_resize}. Images are {@code (batch, height, width,
 * channels)} or one {@code (height, width, channels)} ({@code channels_first}: channels before
 * height); the output is float32.
 */
public class CenterCrop extends Layer {
  private static final String NAME = "CenterCrop";
  private final int height;
  private final int width;
  private String dataFormat = "channels_last";

  public CenterCrop(int height, int width) {
    this.height = ImageLayers.positive(NAME, "height", height);
    this.width = ImageLayers.positive(NAME, "width", width);
  }

  public CenterCrop dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = ImageLayers.dataFormat(NAME, dataFormat);
    return this;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ImageLayers.checkImages(NAME, name(), inputs);
    boolean cf = dataFormat.equals("channels_first");
    Tensor x = inputs.asFloat();
    int ha = ImageLayers.heightAxis(s.length, cf);
    int dh = s[ha] - height;
    int dw = s[ha + 1] - width;
    if (dh >= 0 && dw >= 0) {
      return ImageLayers.crop(x, cf, dh / 2, dw / 2, height, width);
    }
    return ImageLayers.smartResize(x, cf, height, width, "bilinear");
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
    c.put("data_format", dataFormat);
    return c;
  }

  public static CenterCrop fromConfig(Config c) {
    CenterCrop l = new CenterCrop(c.getInt("height"), c.getInt("width"));
    l.dataFormat(c.getString("data_format", "channels_last"));
    return l.applyBaseConfig(c, l);
  }
}

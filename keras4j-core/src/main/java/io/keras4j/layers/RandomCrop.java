package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.random.RandomOps;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Crops images to {@code (height, width)}, as Keras's {@code RandomCrop}. In training, when the
 * images are larger than the target on both axes, one window at a random offset (uniform over the
 * valid offsets, the same for the whole batch, as Keras) is cut out. Otherwise, and at inference,
 * the largest centred window of the target's aspect ratio is cropped and resized (bilinear) to the
 * target, as Keras documents. (Keras 3's own {@code RandomCrop} returns the input unchanged at
 * inference, keras-team/keras#21868, so that its output shape then differs from the one it
 * declares; keras4j follows the documented behaviour.) Images are {@code (batch, height, width,
 * channels)} or one {@code (height, width, channels)} ({@code channels_first}: channels before
 * height); the output is float32. Seeded like {@link RandomFlip}.
 */
public class RandomCrop extends RandomLayer {
  private static final String NAME = "RandomCrop";
  private final int height;
  private final int width;
  private String dataFormat = "channels_last";

  public RandomCrop(int height, int width) {
    this.height = ImageLayers.positive(NAME, "height", height);
    this.width = ImageLayers.positive(NAME, "width", width);
    this.supportsMasking = false;
  }

  public RandomCrop dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = ImageLayers.dataFormat(NAME, dataFormat);
    return this;
  }

  @Override
  public RandomCrop seed(long seed) {
    super.seed(seed);
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
    int inH = s[ha];
    int inW = s[ha + 1];
    if (ctx.training() && inH > height && inW > width) {
      float[] u = RandomOps.uniform(new int[] {2}, 0, 1, nextSeed()).toFloatArray();
      int h0 = Math.min((int) (u[0] * (inH - height + 1)), inH - height);
      int w0 = Math.min((int) (u[1] * (inW - width + 1)), inW - width);
      return ImageLayers.crop(x, cf, h0, w0, height, width);
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

  public static RandomCrop fromConfig(Config c) {
    RandomCrop l = new RandomCrop(c.getInt("height"), c.getInt("width"));
    l.dataFormat(c.getString("data_format", "channels_last"));
    return withSeedAndBase(c, l);
  }
}

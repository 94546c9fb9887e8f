package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.ImageOps;
import io.keras4j.random.RandomOps;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Base of the geometric augmentation layers ({@link RandomRotation}, {@link RandomZoom}, {@link
 * RandomTranslation}, {@link RandomShear}): in training, each image of the batch gets a random
 * transform (Keras's 8-number form, built by the subclass) applied with {@link
 * ImageOps#affineTransform}; at inference the images pass through unchanged. Options as Keras's:
 * {@code fillMode} ({@code "reflect"} by default, {@code "wrap"}, {@code "constant"}, {@code
 * "nearest"}), {@code fillValue} (for constant), {@code interpolation} ({@code "bilinear"} or
 * {@code "nearest"}), {@code dataFormat}. Images are {@code (batch, height, width, channels)} or
 * one {@code (height, width, channels)}; the output is float32.
 *
 * @param <L> the layer's own class, which the chained options return
 */
public abstract class RandomAffineLayer<L extends RandomAffineLayer<L>> extends RandomLayer {
  private String fillMode = "reflect";
  private String interpolation = "bilinear";
  private float fillValue;
  private String dataFormat = "channels_last";

  /** A factor's range, and how it was given (a number or a pair) for the config. */
  record Factor(double lower, double upper, Object given) {
    static Factor of(String layer, String argument, double f, double min, double max) {
      ImageLayers.factorRange(layer, argument, f, f, min, max);
      return new Factor(-Math.abs(f), Math.abs(f), f);
    }

    static Factor of(String layer, String argument, double[] pair, double min, double max) {
      if (pair == null || pair.length != 2) {
        throw new IllegalArgumentException(
            layer
                + ": the `"
                + argument
                + "` argument should be a number or a pair of numbers. Received: "
                + argument
                + "="
                + java.util.Arrays.toString(pair));
      }
      double[] r = ImageLayers.factorRange(layer, argument, pair[0], pair[1], min, max);
      return new Factor(r[0], r[1], List.of(pair[0], pair[1]));
    }

    /** From a config value: a number or a list of two. */
    static Factor fromConfig(String layer, String argument, Object v, double min, double max) {
      if (v instanceof List<?> l) {
        return of(
            layer,
            argument,
            new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()},
            min,
            max);
      }
      return of(layer, argument, ((Number) v).doubleValue(), min, max);
    }
  }

  /**
   * {@code n} numbers drawn uniformly from {@code [lower, upper)} with the next seed; {@code lower}
   * itself when the range is a single value (a pinned factor, which Keras allows).
   */
  final float[] uniform(int n, double lower, double upper) {
    long seed = nextSeed();
    if (lower == upper) {
      float[] v = new float[n];
      java.util.Arrays.fill(v, (float) lower);
      return v;
    }
    return RandomOps.uniform(new int[] {n}, lower, upper, seed).toFloatArray();
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** The class name in messages. */
  abstract String className();

  /**
   * The transforms of a batch of {@code n} images of {@code height x width}: {@code n * 8} numbers,
   * drawn with {@link #nextSeed()}.
   */
  abstract float[] transforms(int n, int height, int width);

  public L fillMode(String fillMode) {
    checkNotBuilt("fillMode");
    this.fillMode = ImageLayers.fillMode(className(), fillMode);
    return self();
  }

  public L interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    this.interpolation = ImageLayers.interpolation(className(), interpolation);
    return self();
  }

  /** The value outside the image with fill mode {@code "constant"} (default 0). */
  public L fillValue(double fillValue) {
    checkNotBuilt("fillValue");
    this.fillValue = (float) fillValue;
    return self();
  }

  public L dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = ImageLayers.dataFormat(className(), dataFormat);
    return self();
  }

  @Override
  public L seed(long seed) {
    super.seed(seed);
    return self();
  }

  public String fillMode() {
    return fillMode;
  }

  public String interpolation() {
    return interpolation;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ImageLayers.checkImages(className(), name(), inputs);
    if (!ctx.training()) {
      return inputs;
    }
    boolean cf = dataFormat.equals("channels_first");
    int ha = ImageLayers.heightAxis(s.length, cf);
    int n = s.length == 4 ? s[0] : 1;
    float[] t = transforms(n, s[ha], s[ha + 1]);
    return ImageOps.affineTransform(
        inputs.asFloat(), Tensor.of(t, n, 8), interpolation, fillMode, fillValue, dataFormat);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("fill_mode", fillMode);
    c.put("interpolation", interpolation);
    c.put("fill_value", (double) fillValue);
    c.put("data_format", dataFormat);
    return c;
  }

  /** Reads the options of this base, the seed and the base layer options from a config. */
  static <L extends RandomAffineLayer<L>> L withAffineOptions(Config c, L layer) {
    layer.fillMode(c.getString("fill_mode", "reflect"));
    layer.interpolation(c.getString("interpolation", "bilinear"));
    layer.fillValue(ImageLayers.fillValue(c));
    layer.dataFormat(c.getString("data_format", "channels_last"));
    return withSeedAndBase(c, layer);
  }
}

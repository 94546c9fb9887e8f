package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Translates images at random during training, as Keras's {@code RandomTranslation}: each image
 * moves by {@code fh * height} pixels down and {@code fw * width} pixels right, {@code fh} and
 * {@code fw} drawn uniformly per image from the factors' ranges (a number {@code f} in [-1, 1]
 * means {@code [-|f|, |f|]}; negative values move up or left). The identity at inference. See
 * {@link RandomAffineLayer} for the options ({@code fillMode} "reflect" by default).
 */
public class RandomTranslation extends RandomAffineLayer<RandomTranslation> {
  private static final String NAME = "RandomTranslation";
  private final Factor height;
  private final Factor width;

  public RandomTranslation(double heightFactor, double widthFactor) {
    this(
        Factor.of(NAME, "height_factor", heightFactor, -1, 1),
        Factor.of(NAME, "width_factor", widthFactor, -1, 1));
  }

  /** Ranges {@code (lower, upper)} of fractions of the height and of the width, in [-1, 1]. */
  public RandomTranslation(double[] heightFactor, double[] widthFactor) {
    this(
        Factor.of(NAME, "height_factor", heightFactor, -1, 1),
        Factor.of(NAME, "width_factor", widthFactor, -1, 1));
  }

  private RandomTranslation(Factor height, Factor width) {
    this.height = height;
    this.width = width;
  }

  @Override
  String className() {
    return NAME;
  }

  @Override
  float[] transforms(int n, int imageHeight, int imageWidth) {
    float[] dy = uniform(n, height.lower(), height.upper());
    float[] dx = uniform(n, width.lower(), width.upper());
    float[] t = new float[n * 8];
    for (int i = 0; i < n; i++) {
      int o = i * 8;
      t[o] = 1;
      t[o + 2] = -dx[i] * imageWidth;
      t[o + 4] = 1;
      t[o + 5] = -dy[i] * imageHeight;
    }
    return t;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", height.given());
    c.put("width_factor", width.given());
    return c;
  }

  public static RandomTranslation fromConfig(Config c) {
    Factor h = Factor.fromConfig(NAME, "height_factor", c.get("height_factor"), -1, 1);
    Factor w = Factor.fromConfig(NAME, "width_factor", c.get("width_factor"), -1, 1);
    return withAffineOptions(c, new RandomTranslation(h, w));
  }
}

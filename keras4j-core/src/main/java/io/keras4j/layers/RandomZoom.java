package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Zooms images at random during training, as Keras's {@code RandomZoom}: each image is scaled about
 * its centre by {@code 1 + f} on each axis, {@code f} drawn uniformly from the factor's range per
 * image; a positive factor zooms out (the image gets smaller), a negative one zooms in. Without a
 * width factor the width follows the height (aspect ratio kept). The identity at inference. See
 * {@link RandomAffineLayer} for the options ({@code fillMode} "reflect" by default).
 */
public class RandomZoom extends RandomAffineLayer<RandomZoom> {
  private static final String NAME = "RandomZoom";
  private final Factor height;
  private final Factor width;

  /** Height zoom in {@code [-|f|, |f|]}, {@code f} in [-1, 1]; the width follows. */
  public RandomZoom(double heightFactor) {
    this(Factor.of(NAME, "height_factor", heightFactor, -1, 1), null);
  }

  public RandomZoom(double heightFactor, double widthFactor) {
    this(
        Factor.of(NAME, "height_factor", heightFactor, -1, 1),
        Factor.of(NAME, "width_factor", widthFactor, -1, 1));
  }

  /** Height zoom in the range {@code (lower, upper)}, each in [-1, 1]; the width follows. */
  public RandomZoom(double[] heightFactor) {
    this(Factor.of(NAME, "height_factor", heightFactor, -1, 1), null);
  }

  public RandomZoom(double[] heightFactor, double[] widthFactor) {
    this(
        Factor.of(NAME, "height_factor", heightFactor, -1, 1),
        Factor.of(NAME, "width_factor", widthFactor, -1, 1));
  }

  private RandomZoom(Factor height, Factor width) {
    this.height = height;
    this.width = width;
  }

  @Override
  String className() {
    return NAME;
  }

  @Override
  float[] transforms(int n, int imageHeight, int imageWidth) {
    float[] zy = uniform(n, 1 + height.lower(), 1 + height.upper());
    float[] zx = width == null ? zy : uniform(n, 1 + width.lower(), 1 + width.upper());
    float[] t = new float[n * 8];
    for (int i = 0; i < n; i++) {
      int o = i * 8;
      t[o] = zx[i];
      t[o + 2] = (imageWidth - 1f) / 2f * (1f - zx[i]);
      t[o + 4] = zy[i];
      t[o + 5] = (imageHeight - 1f) / 2f * (1f - zy[i]);
    }
    return t;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height_factor", height.given());
    c.put("width_factor", width == null ? null : width.given());
    return c;
  }

  public static RandomZoom fromConfig(Config c) {
    Factor h = Factor.fromConfig(NAME, "height_factor", c.get("height_factor"), -1, 1);
    Object w = c.get("width_factor");
    Factor wf = w == null ? null : Factor.fromConfig(NAME, "width_factor", w, -1, 1);
    return withAffineOptions(c, new RandomZoom(h, wf));
  }
}

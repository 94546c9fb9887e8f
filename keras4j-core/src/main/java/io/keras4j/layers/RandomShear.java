package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Shears images at random during training, as Keras 3's {@code RandomShear}: each image gets shear
 * amounts {@code sx} and {@code sy} drawn uniformly from the factors' ranges (a number {@code f} in
 * [0, 1] means {@code [-f, f]}; a pair's entries are in [0, 1]), both negated together with
 * probability 1/2, and output pixel {@code (x, y)} reads the input at {@code (x + sx * y, sy * x +
 * y)} (about the top-left corner, as Keras). The identity at inference. See {@link
 * RandomAffineLayer} for the options ({@code fillMode} "reflect" by default).
 */
public class RandomShear extends RandomAffineLayer<RandomShear> {
  private static final String NAME = "RandomShear";
  private final Factor x;
  private final Factor y;

  public RandomShear(double xFactor, double yFactor) {
    this(Factor.of(NAME, "x_factor", xFactor, 0, 1), Factor.of(NAME, "y_factor", yFactor, 0, 1));
  }

  /** Ranges {@code (lower, upper)} of the shear amounts, entries in [0, 1]. */
  public RandomShear(double[] xFactor, double[] yFactor) {
    this(Factor.of(NAME, "x_factor", xFactor, 0, 1), Factor.of(NAME, "y_factor", yFactor, 0, 1));
  }

  private RandomShear(Factor x, Factor y) {
    this.x = x;
    this.y = y;
  }

  @Override
  String className() {
    return NAME;
  }

  @Override
  float[] transforms(int n, int imageHeight, int imageWidth) {
    float[] invert = uniform(n, 0, 1);
    float[] sy = uniform(n, y.lower(), y.upper());
    float[] sx = uniform(n, x.lower(), x.upper());
    float[] t = new float[n * 8];
    for (int i = 0; i < n; i++) {
      float sign = invert[i] > 0.5f ? -1 : 1;
      int o = i * 8;
      t[o] = 1;
      t[o + 1] = sign * sx[i];
      t[o + 3] = sign * sy[i];
      t[o + 4] = 1;
    }
    return t;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("x_factor", List.of(x.lower(), x.upper()));
    c.put("y_factor", List.of(y.lower(), y.upper()));
    return c;
  }

  public static RandomShear fromConfig(Config c) {
    return withAffineOptions(c, new RandomShear(factor(c, "x_factor"), factor(c, "y_factor")));
  }

  /**
   * A factor from a config: a number in [0, 1], or the (lower, upper) range Keras writes back,
   * whose lower end is negative for a number given to the constructor, so its entries are read in
   * [-1, 1].
   */
  private static Factor factor(Config c, String key) {
    Object v = c.get(key);
    if (v instanceof List<?>) {
      return Factor.fromConfig(NAME, key, v, -1, 1);
    }
    return Factor.of(NAME, key, v == null ? 0.0 : ((Number) v).doubleValue(), 0, 1);
  }
}

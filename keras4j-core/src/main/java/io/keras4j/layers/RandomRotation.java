package io.keras4j.layers;

import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Rotates images at random during training, as Keras's {@code RandomRotation}: each image turns by
 * an angle drawn uniformly from {@code [lower, upper] * 360} degrees (a factor is a fraction of a
 * full turn; positive is counter-clockwise) about its centre {@code ((width - 1) / 2, (height - 1)
 * / 2)}; the identity at inference. See {@link RandomAffineLayer} for the options ({@code fillMode}
 * "reflect" by default).
 */
public class RandomRotation extends RandomAffineLayer<RandomRotation> {
  private static final String NAME = "RandomRotation";
  private final double lower;
  private final double upper;

  /** Angles in {@code [-|factor|, |factor|]} turns; {@code factor} in [-1, 1]. */
  public RandomRotation(double factor) {
    Factor f = Factor.of(NAME, "factor", factor, -1, 1);
    this.lower = f.lower();
    this.upper = f.upper();
  }

  /**
   * Angles in {@code [lower, upper]} turns (sorted), as Keras's pair: refused when {@code lower >
   * 1} or {@code upper < -1}.
   */
  public RandomRotation(double lower, double upper) {
    if (!(lower <= 1 && upper >= -1)) {
      throw new IllegalArgumentException(
          "RandomRotation: the `factor` argument should be a number (or a pair of numbers) in the"
              + " range [-1.0, 1.0]. Received: factor=("
              + lower
              + ", "
              + upper
              + ")");
    }
    this.lower = Math.min(lower, upper);
    this.upper = Math.max(lower, upper);
  }

  @Override
  String className() {
    return NAME;
  }

  /** The range of the angle, in turns. */
  public double[] factor() {
    return new double[] {lower, upper};
  }

  @Override
  float[] transforms(int n, int height, int width) {
    float[] degrees = uniform(n, lower * 360.0, upper * 360.0);
    double cx = 0.5 * (width - 1);
    double cy = 0.5 * (height - 1);
    float[] t = new float[n * 8];
    for (int i = 0; i < n; i++) {
      double theta = degrees[i] * Math.PI / 180.0;
      double cos = Math.cos(theta);
      double sin = Math.sin(theta);
      int o = i * 8;
      t[o] = (float) cos;
      t[o + 1] = (float) -sin;
      t[o + 2] = (float) (cx - cx * cos + cy * sin);
      t[o + 3] = (float) sin;
      t[o + 4] = (float) cos;
      t[o + 5] = (float) (cy - cx * sin - cy * cos);
    }
    return t;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", List.of(lower, upper));
    return c;
  }

  public static RandomRotation fromConfig(Config c) {
    Object f = c.get("factor");
    RandomRotation r;
    if (f instanceof List<?> l) {
      r = new RandomRotation(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue());
    } else {
      r = new RandomRotation(c.getDouble("factor"));
    }
    return withAffineOptions(c, r);
  }
}

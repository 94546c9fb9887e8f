package io.keras4j.initializers;

import io.keras4j.Tensor;
import io.keras4j.random.RandomOps;
import java.util.Map;

/**
 * Uniform values in {@code [minval, maxval)}, as Keras's {@code RandomUniform(minval=-0.05,
 * maxval=0.05, seed=None)}.
 */
public final class RandomUniform extends RandomInitializer {
  private final double minval;
  private final double maxval;

  public RandomUniform() {
    this(-0.05, 0.05);
  }

  public RandomUniform(double minval, double maxval) {
    this(minval, maxval, null);
  }

  public RandomUniform(double minval, double maxval, long seed) {
    this(minval, maxval, Long.valueOf(seed));
  }

  RandomUniform(double minval, double maxval, Long seed) {
    super(seed);
    if (!(maxval > minval)) {
      throw new IllegalArgumentException(
          "RandomUniform needs minval < maxval. Received: minval=" + minval + ", maxval=" + maxval);
    }
    this.minval = minval;
    this.maxval = maxval;
  }

  @Override
  public Tensor apply(int... shape) {
    return RandomOps.uniform(shape, minval, maxval, effectiveSeed());
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("minval", minval);
    config.put("maxval", maxval);
  }

  @Override
  public String className() {
    return "RandomUniform";
  }
}

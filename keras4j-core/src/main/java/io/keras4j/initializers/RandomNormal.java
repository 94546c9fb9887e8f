package io.keras4j.initializers;

import io.keras4j.Tensor;
import io.keras4j.random.RandomOps;
import java.util.Map;

/** Normal values, as Keras's {@code RandomNormal(mean=0.0, stddev=0.05, seed=None)}. */
public final class RandomNormal extends RandomInitializer {
  private final double mean;
  private final double stddev;

  public RandomNormal() {
    this(0.0, 0.05);
  }

  public RandomNormal(double mean, double stddev) {
    this(mean, stddev, null);
  }

  public RandomNormal(double mean, double stddev, long seed) {
    this(mean, stddev, Long.valueOf(seed));
  }

  RandomNormal(double mean, double stddev, Long seed) {
    super(seed);
    this.mean = mean;
    this.stddev = stddev;
  }

  @Override
  public Tensor apply(int... shape) {
    return RandomOps.normal(shape, mean, stddev, effectiveSeed());
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("mean", mean);
    config.put("stddev", stddev);
  }

  @Override
  public String className() {
    return "RandomNormal";
  }
}

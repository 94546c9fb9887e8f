package io.keras4j.initializers;

import java.util.Map;

/**
 * He uniform: limit sqrt(6 / fanIn), as Keras's {@code HeUniform(seed=None)}: {@link
 * VarianceScaling} with scale 2.0, mode {@code "fan_in"} and distribution {@code "uniform"}.
 */
public final class HeUniform extends VarianceScaling {
  public HeUniform() {
    this(null, null, null);
  }

  public HeUniform(long seed) {
    this(Long.valueOf(seed), null, null);
  }

  /**
   * @param seed the seed, or null to draw one from the global stream
   * @param inputAxes with {@code outputAxes}, explicit axes for the fans (null: Keras's rules)
   */
  public HeUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(2.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
  }

  /** Only the seed and axes: the rest is fixed by the class, as Keras writes it. */
  @Override
  protected void addConfig(Map<String, Object> config) {
    addAxes(config);
  }

  @Override
  public String className() {
    return "HeUniform";
  }
}

package io.keras4j.initializers;

import java.util.Map;

/**
 * LeCun uniform: limit sqrt(3 / fanIn), as Keras's {@code LecunUniform(seed=None)}: {@link
 * VarianceScaling} with scale 1.0, mode {@code "fan_in"} and distribution {@code "uniform"}.
 */
public final class LecunUniform extends VarianceScaling {
  public LecunUniform() {
    this(null, null, null);
  }

  public LecunUniform(long seed) {
    this(Long.valueOf(seed), null, null);
  }

  /**
   * @param seed the seed, or null to draw one from the global stream
   * @param inputAxes with {@code outputAxes}, explicit axes for the fans (null: Keras's rules)
   */
  public LecunUniform(Long seed, int[] inputAxes, int[] outputAxes) {
    super(1.0, "fan_in", "uniform", seed, inputAxes, outputAxes);
  }

  /** Only the seed and axes: the rest is fixed by the class, as Keras writes it. */
  @Override
  protected void addConfig(Map<String, Object> config) {
    addAxes(config);
  }

  @Override
  public String className() {
    return "LecunUniform";
  }
}

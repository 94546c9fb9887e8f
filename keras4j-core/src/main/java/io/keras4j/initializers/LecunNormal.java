package io.keras4j.initializers;

import java.util.Map;

/**
 * LeCun normal: truncated, std sqrt(1 / fanIn), as Keras's {@code LecunNormal(seed=None)}: {@link
 * VarianceScaling} with scale 1.0, mode {@code "fan_in"} and distribution {@code
 * "truncated_normal"}.
 */
public final class LecunNormal extends VarianceScaling {
  public LecunNormal() {
    this(null, null, null);
  }

  public LecunNormal(long seed) {
    this(Long.valueOf(seed), null, null);
  }

  /**
   * @param seed the seed, or null to draw one from the global stream
   * @param inputAxes with {@code outputAxes}, explicit axes for the fans (null: Keras's rules)
   */
  public LecunNormal(Long seed, int[] inputAxes, int[] outputAxes) {
    super(1.0, "fan_in", "truncated_normal", seed, inputAxes, outputAxes);
  }

  /** Only the seed and axes: the rest is fixed by the class, as Keras writes it. */
  @Override
  protected void addConfig(Map<String, Object> config) {
    addAxes(config);
  }

  @Override
  public String className() {
    return "LecunNormal";
  }
}

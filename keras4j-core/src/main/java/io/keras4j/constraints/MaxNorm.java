package io.keras4j.constraints;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Caps the L2 norm of the weights along {@code axis} at {@code maxValue}, as Keras's {@code
 * MaxNorm(max_value=2, axis=0)}: {@code w * clip(norms, 0, maxValue) / (1e-7 + norms)}. For a Dense
 * kernel {@code (in, out)}, axis 0 caps each unit's incoming weight vector; for a Conv2D kernel use
 * axes {@code 0, 1, 2}.
 */
public final class MaxNorm implements Constraint {
  private final double maxValue;
  private final int[] axis;

  public MaxNorm() {
    this(2.0, 0);
  }

  public MaxNorm(double maxValue) {
    this(maxValue, 0);
  }

  /**
   * @param axis the axes of each norm; none for the norm of the whole tensor (Keras's None)
   */
  public MaxNorm(double maxValue, int... axis) {
    this.maxValue = maxValue;
    this.axis = axis == null || axis.length == 0 ? null : axis.clone();
  }

  public double maxValue() {
    return maxValue;
  }

  /** The axes, or null for all. */
  public int[] axis() {
    return Norms.copy(axis);
  }

  @Override
  public Tensor apply(Tensor w) {
    Tensor norms = Norms.of(w, axis);
    Tensor desired =
        Ops.minimum(Ops.maximum(norms, Tensor.scalar(0f)), Tensor.scalar((float) maxValue));
    return Norms.rescale(w, desired, norms);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("max_value", maxValue);
    config.put("axis", Norms.axisConfig(axis));
    return config;
  }

  @Override
  public String className() {
    return "MaxNorm";
  }

  @Override
  public String toString() {
    return "MaxNorm" + getConfig();
  }
}

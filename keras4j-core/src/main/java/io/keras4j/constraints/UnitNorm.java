package io.keras4j.constraints;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scales the weights to unit L2 norm along {@code axis}, as Keras's {@code UnitNorm(axis=0)}:
 * {@code w / (1e-7 + norms)}.
 */
public final class UnitNorm implements Constraint {
  private final int[] axis;

  public UnitNorm() {
    this(0);
  }

  /**
   * @param axis the axes of each norm; none for the norm of the whole tensor (Keras's None)
   */
  public UnitNorm(int... axis) {
    this.axis = axis == null || axis.length == 0 ? null : axis.clone();
  }

  /** The axes, or null for all. */
  public int[] axis() {
    return Norms.copy(axis);
  }

  @Override
  public Tensor apply(Tensor w) {
    Tensor norms = Norms.of(w, axis);
    return Ops.divide(w, Ops.add(norms, Tensor.scalar((float) Norms.EPSILON)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("axis", Norms.axisConfig(axis));
    return config;
  }

  @Override
  public String className() {
    return "UnitNorm";
  }

  @Override
  public String toString() {
    return "UnitNorm" + getConfig();
  }
}

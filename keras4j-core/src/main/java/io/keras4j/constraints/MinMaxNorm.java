package io.keras4j.constraints;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves the L2 norm of the weights along {@code axis} into {@code [minValue, maxValue]}, as Keras's
 * {@code MinMaxNorm(min_value=0.0, max_value=1.0, rate=1.0, axis=0)}: the desired norm is {@code
 * rate * clip(norms, minValue, maxValue) + (1 - rate) * norms}, and the weights are scaled by
 * {@code desired / (1e-7 + norms)}. A rate below 1 moves them only part of the way each step.
 */
public final class MinMaxNorm implements Constraint {
  private final double minValue;
  private final double maxValue;
  private final double rate;
  private final int[] axis;

  public MinMaxNorm() {
    this(0.0, 1.0);
  }

  public MinMaxNorm(double minValue, double maxValue) {
    this(minValue, maxValue, 1.0, 0);
  }

  /**
   * @param axis the axes of each norm; none for the norm of the whole tensor (Keras's None)
   */
  public MinMaxNorm(double minValue, double maxValue, double rate, int... axis) {
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.rate = rate;
    this.axis = axis == null || axis.length == 0 ? null : axis.clone();
  }

  public double minValue() {
    return minValue;
  }

  public double maxValue() {
    return maxValue;
  }

  public double rate() {
    return rate;
  }

  /** The axes, or null for all. */
  public int[] axis() {
    return Norms.copy(axis);
  }

  @Override
  public Tensor apply(Tensor w) {
    Tensor norms = Norms.of(w, axis);
    Tensor clipped =
        Ops.minimum(
            Ops.maximum(norms, Tensor.scalar((float) minValue)), Tensor.scalar((float) maxValue));
    Tensor desired =
        Ops.add(
            Ops.multiply(clipped, Tensor.scalar((float) rate)),
            Ops.multiply(norms, Tensor.scalar((float) (1 - rate))));
    return Norms.rescale(w, desired, norms);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("min_value", minValue);
    config.put("max_value", maxValue);
    config.put("rate", rate);
    config.put("axis", Norms.axisConfig(axis));
    return config;
  }

  @Override
  public String className() {
    return "MinMaxNorm";
  }

  @Override
  public String toString() {
    return "MinMaxNorm" + getConfig();
  }
}

package io.keras4j.initializers;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every value equal to one scalar, as Keras's {@code Constant(value=0.0)}. */
public final class Constant implements Initializer {
  private final double value;

  public Constant() {
    this(0.0);
  }

  public Constant(double value) {
    this.value = value;
  }

  public double value() {
    return value;
  }

  @Override
  public Tensor apply(int... shape) {
    return Tensor.full((float) value, shape);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("value", value);
    return config;
  }

  @Override
  public String className() {
    return "Constant";
  }

  @Override
  public String toString() {
    return "Constant" + getConfig();
  }
}

package io.keras4j.initializers;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** All ones, as Keras's {@code Ones()}. */
public final class Ones implements Initializer {
  @Override
  public Tensor apply(int... shape) {
    return Tensor.ones(shape);
  }

  @Override
  public Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }

  @Override
  public String className() {
    return "Ones";
  }

  @Override
  public String toString() {
    return "Ones{}";
  }
}

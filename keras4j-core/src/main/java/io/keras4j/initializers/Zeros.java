package io.keras4j.initializers;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** All zeros, as Keras's {@code Zeros()}. */
public final class Zeros implements Initializer {
  @Override
  public Tensor apply(int... shape) {
    return Tensor.zeros(shape);
  }

  @Override
  public Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }

  @Override
  public String className() {
    return "Zeros";
  }

  @Override
  public String toString() {
    return "Zeros{}";
  }
}

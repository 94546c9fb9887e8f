package io.keras4j.constraints;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sets negative weights to zero, as Keras's {@code NonNeg()}. */
public final class NonNeg implements Constraint {
  @Override
  public Tensor apply(Tensor w) {
    return Ops.maximum(w, Tensor.scalar(0f));
  }

  @Override
  public Map<String, Object> getConfig() {
    return new LinkedHashMap<>();
  }

  @Override
  public String className() {
    return "NonNeg";
  }

  @Override
  public String toString() {
    return "NonNeg{}";
  }
}

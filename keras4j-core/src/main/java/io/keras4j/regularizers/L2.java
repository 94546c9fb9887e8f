package io.keras4j.regularizers;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code l2 * sum(w^2)}, as Keras's {@code L2(l2=0.01)}. */
public final class L2 implements Regularizer {
  private final double l2;

  public L2() {
    this(0.01);
  }

  public L2(double l2) {
    this.l2 = Penalties.validate(l2, "l2");
  }

  public double l2() {
    return l2;
  }

  @Override
  public Tensor apply(Tensor weights) {
    return Penalties.l2(l2, weights);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("l2", l2);
    return config;
  }

  @Override
  public String className() {
    return "L2";
  }

  @Override
  public String toString() {
    return "L2" + getConfig();
  }
}

package io.keras4j.regularizers;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code l1 * sum(|w|)}, as Keras's {@code L1(l1=0.01)}. */
public final class L1 implements Regularizer {
  private final double l1;

  public L1() {
    this(0.01);
  }

  public L1(double l1) {
    this.l1 = Penalties.validate(l1, "l1");
  }

  public double l1() {
    return l1;
  }

  @Override
  public Tensor apply(Tensor weights) {
    return Penalties.l1(l1, weights);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("l1", l1);
    return config;
  }

  @Override
  public String className() {
    return "L1";
  }

  @Override
  public String toString() {
    return "L1" + getConfig();
  }
}

package io.keras4j.regularizers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code l1 * sum(|w|) + l2 * sum(w^2)}, as Keras's {@code L1L2(l1=0.0, l2=0.0)}. A zero factor
 * adds no term, as in Keras.
 */
public final class L1L2 implements Regularizer {
  private final double l1;
  private final double l2;

  public L1L2() {
    this(0.0, 0.0);
  }

  public L1L2(double l1, double l2) {
    this.l1 = Penalties.validate(l1, "l1");
    this.l2 = Penalties.validate(l2, "l2");
  }

  public double l1() {
    return l1;
  }

  public double l2() {
    return l2;
  }

  @Override
  public Tensor apply(Tensor weights) {
    Tensor penalty = Tensor.scalar(0f);
    if (l1 != 0) {
      penalty = Ops.add(penalty, Penalties.l1(l1, weights));
    }
    if (l2 != 0) {
      penalty = Ops.add(penalty, Penalties.l2(l2, weights));
    }
    return penalty;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("l1", l1);
    config.put("l2", l2);
    return config;
  }

  @Override
  public String className() {
    return "L1L2";
  }

  @Override
  public String toString() {
    return "L1L2" + getConfig();
  }
}

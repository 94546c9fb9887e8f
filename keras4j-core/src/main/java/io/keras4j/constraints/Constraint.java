package io.keras4j.constraints;

import io.keras4j.Tensor;
import java.util.Map;

/** A projection applied to a weight after each optimizer update. */
public interface Constraint {
  Tensor apply(Tensor w);

  Map<String, Object> getConfig();

  String className();
}

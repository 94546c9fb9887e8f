package io.keras4j.constraints;

import io.keras4j.Tensor;
import java.util.Map;

/**
 * A projection applied to a weight after each optimizer update, as Keras's {@code
 * keras.constraints.Constraint} (e.g. clipping its norm or its sign).
 */
public interface Constraint {
  /** The projected weight (a new tensor; {@code w} is not changed). */
  Tensor apply(Tensor w);

  /** The constructor's arguments, keyed as in Keras ({@code "max_value"}, {@code "axis"}). */
  Map<String, Object> getConfig();

  /** The Keras class name, e.g. {@code "MaxNorm"}. */
  String className();
}

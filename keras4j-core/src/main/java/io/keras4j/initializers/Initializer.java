package io.keras4j.initializers;

import io.keras4j.Tensor;
import java.util.Map;

/** Creates the initial values of a weight, as Keras's initializers. */
public interface Initializer {
  /** New float32 values of the given shape. */
  Tensor apply(int[] shape);

  /** The constructor arguments, with Keras's snake_case names. */
  Map<String, Object> getConfig();

  /** The Keras class name, e.g. {@code "GlorotUniform"}. */
  String className();
}

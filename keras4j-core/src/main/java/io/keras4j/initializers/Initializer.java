package io.keras4j.initializers;

import io.keras4j.Tensor;
import java.util.Map;

/**
 * Makes the initial value of a weight from its shape, as Keras's {@code keras.initializers}. The
 * result is float32. {@link #getConfig()} holds the constructor's arguments under Keras's
 * snake_case names, so that {@link Initializers#serialize} writes what Keras writes.
 */
public interface Initializer {
  /** A new float32 tensor of this shape. */
  Tensor apply(int... shape);

  /** The constructor's arguments, keyed as in Keras ({@code "stddev"}, {@code "seed"}, ...). */
  Map<String, Object> getConfig();

  /** The Keras class name, e.g. {@code "GlorotUniform"}. */
  String className();
}

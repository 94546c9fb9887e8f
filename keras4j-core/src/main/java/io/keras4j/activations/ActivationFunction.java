package io.keras4j.activations;

import io.keras4j.Tensor;

/** An activation function, known by its Keras name. */
public interface ActivationFunction {
  Tensor apply(Tensor x);

  String name();
}

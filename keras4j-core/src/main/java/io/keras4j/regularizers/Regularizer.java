package io.keras4j.regularizers;

import io.keras4j.Tensor;
import java.util.Map;

/**
 * A penalty on a weight, added to the loss, as Keras's {@code keras.regularizers.Regularizer}. The
 * penalty is a scalar tensor built from ops, so it has gradients with respect to the weight.
 */
public interface Regularizer {
  /** The penalty for these weights: a rank-0 float32 tensor. */
  Tensor apply(Tensor weights);

  /** The constructor's arguments, keyed as in Keras ({@code "l2"}, ...). */
  Map<String, Object> getConfig();

  /** The Keras class name, e.g. {@code "L2"}. */
  String className();
}

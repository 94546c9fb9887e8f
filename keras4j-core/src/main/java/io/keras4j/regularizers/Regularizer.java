package io.keras4j.regularizers;

import io.keras4j.Tensor;
import java.util.Map;

/** A penalty on a weight, added to the loss during training. */
public interface Regularizer {
  /** The penalty, a scalar built from ops so that it has gradients. */
  Tensor apply(Tensor weights);

  Map<String, Object> getConfig();

  String className();
}

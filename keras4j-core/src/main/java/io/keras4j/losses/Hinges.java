package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** Shared by {@link Hinge} and {@link SquaredHinge}. */
final class Hinges {
  private Hinges() {}

  /**
   * Keras's {@code convert_binary_labels_to_hinge}: {@code 2 * yTrue - 1} when every label is 0 or
   * 1, the labels unchanged otherwise.
   */
  static Tensor toSignedLabels(Tensor yTrue) {
    if (yTrue.size() > 0) {
      Tensor other =
          Ops.logicalAnd(Ops.notEqual(yTrue, Arguments.ZERO), Ops.notEqual(yTrue, Arguments.ONE));
      if (Ops.max(other).item() != 0f) {
        return yTrue;
      }
    }
    return Ops.add(Ops.multiply(yTrue, 2f), -1f);
  }

  /** {@code max(1 - yTrue * yPred, 0)}. */
  static Tensor margin(Tensor yTrue, Tensor yPred) {
    return Ops.maximum(Ops.subtract(Arguments.ONE, Ops.multiply(yTrue, yPred)), Arguments.ZERO);
  }
}

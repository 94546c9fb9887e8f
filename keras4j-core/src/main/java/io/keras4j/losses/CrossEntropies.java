package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/** Label smoothing and shape checks shared by the cross-entropy losses. */
final class CrossEntropies {
  private CrossEntropies() {}

  /**
   * {@code yTrue} and {@code yPred} as float32 with aligned ranks (as Keras's loss wrapper does),
   * required to have the same shape, as Keras's cross-entropy ops require.
   */
  static Tensor[] sameShape(String owner, Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.sameRank(yTrue.asFloat(), yPred.asFloat());
    if (!LossReduction.sameShape(tp[0], tp[1])) {
      throw new IllegalArgumentException(
          owner
              + ": yTrue and yPred must have the same shape. Received: yTrue.shape="
              + LossReduction.shape(yTrue)
              + ", yPred.shape="
              + LossReduction.shape(yPred));
    }
    if (tp[1].rank() == 0) {
      throw new IllegalArgumentException(
          owner + ": yPred must have at least one axis. Received: yPred.shape=[]");
    }
    return tp;
  }

  /** Binary label smoothing: {@code t * (1 - s) + 0.5 * s} (the factors rounded as Keras does). */
  static Tensor smoothBinary(Tensor t, double s) {
    if (s == 0) {
      return t;
    }
    return Ops.add(Ops.multiply(t, (float) (1.0 - s)), (float) (0.5 * s));
  }

  /** Categorical label smoothing over {@code numClasses}: {@code t * (1 - s) + s / numClasses}. */
  static Tensor smoothCategorical(Tensor t, double s, int numClasses) {
    if (s == 0) {
      return t;
    }
    return Ops.add(Ops.multiply(t, (float) (1.0 - s)), (float) s / (float) numClasses);
  }
}

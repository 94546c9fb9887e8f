package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Mean of the absolute errors over the last axis, as Keras's {@code MeanAbsoluteError}: {@code
 * mean(abs(yTrue - yPred), axis=-1)}.
 */
public final class MeanAbsoluteError extends Loss {
  /** The loss named {@code "mean_absolute_error"}, reduced with "sum_over_batch_size". */
  public MeanAbsoluteError() {
    super("mean_absolute_error");
  }

  @Override
  public MeanAbsoluteError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public MeanAbsoluteError reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    return Ops.mean(Ops.abs(Ops.subtract(tp[0], tp[1])), -1);
  }
}

package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Mean of the squared errors over the last axis, as Keras's {@code MeanSquaredError}: {@code
 * mean(square(yTrue - yPred), axis=-1)}.
 */
public final class MeanSquaredError extends Loss {
  /** The loss named {@code "mean_squared_error"}, reduced with "sum_over_batch_size". */
  public MeanSquaredError() {
    super("mean_squared_error");
  }

  @Override
  public MeanSquaredError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public MeanSquaredError reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    return Ops.mean(Ops.square(Ops.subtract(tp[0], tp[1])), -1);
  }
}

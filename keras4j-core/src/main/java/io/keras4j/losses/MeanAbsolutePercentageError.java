package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Mean absolute percentage error over the last axis, as Keras's {@code
 * MeanAbsolutePercentageError}: {@code 100 * mean(abs((yTrue - yPred) / max(abs(yTrue), eps)),
 * axis=-1)} with {@code eps = 1e-7}.
 */
public final class MeanAbsolutePercentageError extends Loss {
  private static final Tensor EPS = Tensor.scalar(Arguments.EPSILON);

  /**
   * The loss named {@code "mean_absolute_percentage_error"}, reduced with "sum_over_batch_size".
   */
  public MeanAbsolutePercentageError() {
    super("mean_absolute_percentage_error");
  }

  @Override
  public MeanAbsolutePercentageError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public MeanAbsolutePercentageError reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor denominator = Ops.maximum(Ops.abs(tp[0]), EPS);
    Tensor diff = Ops.abs(Ops.divide(Ops.subtract(tp[0], tp[1]), denominator));
    return Ops.multiply(Ops.mean(diff, -1), 100f);
  }
}

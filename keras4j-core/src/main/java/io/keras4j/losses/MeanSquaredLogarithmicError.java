package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Mean squared logarithmic error over the last axis, as Keras's {@code
 * MeanSquaredLogarithmicError}: {@code mean(square(log1p(max(yPred, eps)) - log1p(max(yTrue,
 * eps))), axis=-1)} with {@code eps = 1e-7}.
 */
public final class MeanSquaredLogarithmicError extends Loss {
  private static final Tensor EPS = Tensor.scalar(Arguments.EPSILON);

  /**
   * The loss named {@code "mean_squared_logarithmic_error"}, reduced with "sum_over_batch_size".
   */
  public MeanSquaredLogarithmicError() {
    super("mean_squared_logarithmic_error");
  }

  @Override
  public MeanSquaredLogarithmicError name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public MeanSquaredLogarithmicError reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor first = Ops.log1p(Ops.maximum(tp[1], EPS));
    Tensor second = Ops.log1p(Ops.maximum(tp[0], EPS));
    return Ops.mean(Ops.square(Ops.subtract(first, second)), -1);
  }
}

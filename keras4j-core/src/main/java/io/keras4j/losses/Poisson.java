package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Poisson loss over the last axis, as Keras's {@code Poisson}: {@code mean(yPred - yTrue *
 * log(yPred + eps), axis=-1)} with {@code eps = 1e-7}.
 */
public final class Poisson extends Loss {
  /** The loss named {@code "poisson"}, reduced with "sum_over_batch_size". */
  public Poisson() {
    super("poisson");
  }

  @Override
  public Poisson name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Poisson reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor logP = Ops.log(Ops.add(tp[1], Arguments.EPSILON));
    return Ops.mean(Ops.subtract(tp[1], Ops.multiply(tp[0], logP)), -1);
  }
}

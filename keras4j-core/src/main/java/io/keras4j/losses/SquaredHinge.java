package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Squared hinge loss over the last axis, as Keras's {@code SquaredHinge}: {@code mean(square(max(1
 * - yTrue * yPred, 0)), axis=-1)}. Labels in {0, 1} are mapped to {-1, 1} first, as in {@link
 * Hinge}.
 */
public final class SquaredHinge extends Loss {
  /** The loss named {@code "squared_hinge"}, reduced with "sum_over_batch_size". */
  public SquaredHinge() {
    super("squared_hinge");
  }

  @Override
  public SquaredHinge name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public SquaredHinge reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor t = Hinges.toSignedLabels(tp[0]);
    return Ops.mean(Ops.square(Hinges.margin(t, tp[1])), -1);
  }
}

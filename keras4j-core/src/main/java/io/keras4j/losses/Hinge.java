package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Hinge loss over the last axis, as Keras's {@code Hinge}: {@code mean(max(1 - yTrue * yPred, 0),
 * axis=-1)}. Labels are expected in {-1, 1}; when every label is 0 or 1 they are first mapped to
 * {-1, 1} ({@code 2 * yTrue - 1}), as Keras does.
 */
public final class Hinge extends Loss {
  /** The loss named {@code "hinge"}, reduced with "sum_over_batch_size". */
  public Hinge() {
    super("hinge");
  }

  @Override
  public Hinge name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Hinge reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor t = Hinges.toSignedLabels(tp[0]);
    return Ops.mean(Hinges.margin(t, tp[1]), -1);
  }
}

package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Categorical hinge loss, as Keras's {@code CategoricalHinge}: with {@code pos = sum(yTrue * yPred,
 * axis=-1)} and {@code neg = max((1 - yTrue) * yPred, axis=-1)}, the loss is {@code max(neg - pos +
 * 1, 0)}. {@code yTrue} holds one-hot labels.
 */
public final class CategoricalHinge extends Loss {
  /** The loss named {@code "categorical_hinge"}, reduced with "sum_over_batch_size". */
  public CategoricalHinge() {
    super("categorical_hinge");
  }

  @Override
  public CategoricalHinge name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public CategoricalHinge reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor pos = Ops.sum(Ops.multiply(tp[0], tp[1]), -1);
    Tensor neg = Ops.max(Ops.multiply(Ops.subtract(Arguments.ONE, tp[0]), tp[1]), -1);
    return Ops.maximum(Ops.add(Ops.subtract(neg, pos), 1f), Arguments.ZERO);
  }
}

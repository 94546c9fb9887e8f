package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Kullback-Leibler divergence over the last axis, as Keras's {@code KLDivergence}: {@code sum(t *
 * log(t / p), axis=-1)} with both {@code t = clip(yTrue, eps, 1)} and {@code p = clip(yPred, eps,
 * 1)}, {@code eps = 1e-7}.
 */
public final class KLDivergence extends Loss {
  /** The loss named {@code "kl_divergence"}, reduced with "sum_over_batch_size". */
  public KLDivergence() {
    super("kl_divergence");
  }

  @Override
  public KLDivergence name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public KLDivergence reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor t = Ops.clip(tp[0], Arguments.EPSILON, 1f);
    Tensor p = Ops.clip(tp[1], Arguments.EPSILON, 1f);
    return Ops.sum(Ops.multiply(t, Ops.log(Ops.divide(t, p))), -1);
  }
}

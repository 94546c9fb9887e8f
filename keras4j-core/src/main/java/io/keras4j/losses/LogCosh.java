package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * Mean of the logarithm of the hyperbolic cosine of the error over the last axis, as Keras's {@code
 * LogCosh}. For {@code x = yPred - yTrue} it is computed in the stable form {@code x +
 * softplus(-2x) - log(2)}, which does not overflow for large errors.
 */
public final class LogCosh extends Loss {
  /** log(2) in float32, as Keras's {@code ops.log(2.0)}. */
  private static final float LOG2 = (float) Math.log(2.0);

  /** The loss named {@code "log_cosh"}, reduced with "sum_over_batch_size". */
  public LogCosh() {
    super("log_cosh");
  }

  @Override
  public LogCosh name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public LogCosh reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Tensor x = Ops.subtract(tp[1], tp[0]);
    Tensor logCosh = Ops.add(Ops.add(x, Ops.softplus(Ops.multiply(x, -2f))), -LOG2);
    return Ops.mean(logCosh, -1);
  }
}

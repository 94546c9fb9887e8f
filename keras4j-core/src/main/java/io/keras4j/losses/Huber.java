package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Huber loss over the last axis, as Keras's {@code Huber(delta=1.0)}: for the error {@code e =
 * yPred - yTrue}, {@code 0.5 * e^2} where {@code |e| <= delta} and {@code delta * |e| - 0.5 *
 * delta^2} elsewhere, averaged over the last axis.
 */
public final class Huber extends Loss {
  private double delta = 1.0;

  /**
   * The loss named {@code "huber_loss"} with {@code delta = 1}, reduced with "sum_over_batch_size".
   */
  public Huber() {
    super("huber_loss");
  }

  /** Where the loss turns from quadratic to linear; {@code >= 0}. */
  public Huber delta(double delta) {
    this.delta = Arguments.nonNegative(className(), "delta", delta);
    return this;
  }

  public double delta() {
    return delta;
  }

  @Override
  public Huber name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Huber reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    float d = (float) delta;
    Tensor error = Ops.subtract(tp[1], tp[0]);
    Tensor absError = Ops.abs(error);
    Tensor quadratic = Ops.multiply(Ops.square(error), 0.5f);
    Tensor linear = Ops.add(Ops.multiply(absError, d), -(0.5f * (d * d)));
    Tensor small = Ops.lessEqual(absError, Tensor.scalar(d));
    return Ops.mean(Ops.where(small, quadratic, linear), -1);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("delta", delta);
    return c;
  }
}

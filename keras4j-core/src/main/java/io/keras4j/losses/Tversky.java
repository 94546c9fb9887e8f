package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Tversky loss, as Keras's {@code Tversky(alpha=0.5, beta=0.5, axis=None)}: with {@code tp =
 * sum(yPred * yTrue)}, {@code fp = sum((1 - yTrue) * yPred)} and {@code fn = sum(yTrue * (1 -
 * yPred))} over {@code axis} (all axes by default), the loss is {@code 1 - tp / (tp + alpha * fp +
 * beta * fn + 1e-7)}. {@code alpha = beta = 0.5} gives the Dice loss.
 */
public final class Tversky extends Loss {
  private double alpha = 0.5;
  private double beta = 0.5;
  private int[] axis;

  /** The loss named {@code "tversky"} with {@code alpha = beta = 0.5}, over all axes. */
  public Tversky() {
    super("tversky");
  }

  /** The weight of false positives. */
  public Tversky alpha(double alpha) {
    this.alpha = Arguments.finite(className(), "alpha", alpha);
    return this;
  }

  /** The weight of false negatives. */
  public Tversky beta(double beta) {
    this.beta = Arguments.finite(className(), "beta", beta);
    return this;
  }

  /** The axes summed over; none (or null) for all of them. */
  public Tversky axis(int... axis) {
    this.axis = axis == null || axis.length == 0 ? null : axis.clone();
    return this;
  }

  public double alpha() {
    return alpha;
  }

  public double beta() {
    return beta;
  }

  /** The axes summed over, or null for all. */
  public int[] axis() {
    return axis == null ? null : axis.clone();
  }

  @Override
  public Tversky name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Tversky reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Arguments.axes(className(), axis, tp[1]);
    Tensor t = tp[0];
    Tensor p = tp[1];
    Tensor intersection = Ops.sum(Ops.multiply(p, t), axis, false);
    Tensor fp = Ops.sum(Ops.multiply(Ops.subtract(Arguments.ONE, t), p), axis, false);
    Tensor fn = Ops.sum(Ops.multiply(t, Ops.subtract(Arguments.ONE, p)), axis, false);
    Tensor denominator =
        Ops.add(
            Ops.add(
                Ops.add(intersection, Ops.multiply(fp, (float) alpha)),
                Ops.multiply(fn, (float) beta)),
            Arguments.EPSILON);
    return Ops.subtract(Arguments.ONE, Ops.divide(intersection, denominator));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("alpha", alpha);
    c.put("beta", beta);
    c.put("axis", axis == null ? null : Config.list(axis));
    return c;
  }
}

package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Dice loss, as Keras's {@code Dice(axis=None)}: {@code 1 - 2 * sum(yTrue * yPred) / (sum(yTrue) +
 * sum(yPred) + 1e-7)}, the sums over {@code axis} (all axes by default, which gives one value for
 * the whole batch; {@code axis(1, 2, 3)} gives one per image).
 */
public final class Dice extends Loss {
  private int[] axis;

  /** The loss named {@code "dice"}, summed over all axes. */
  public Dice() {
    super("dice");
  }

  /** The axes summed over; none (or null) for all of them. */
  public Dice axis(int... axis) {
    this.axis = axis == null || axis.length == 0 ? null : axis.clone();
    return this;
  }

  /** The axes summed over, or null for all. */
  public int[] axis() {
    return axis == null ? null : axis.clone();
  }

  @Override
  public Dice name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public Dice reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Arguments.axes(className(), axis, tp[1]);
    Tensor intersection = Ops.sum(Ops.multiply(tp[0], tp[1]), axis, false);
    Tensor total = Ops.add(Ops.sum(tp[0], axis, false), Ops.sum(tp[1], axis, false));
    Tensor dice = Ops.divide(Ops.multiply(intersection, 2f), Ops.add(total, Arguments.EPSILON));
    return Ops.subtract(Arguments.ONE, dice);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis == null ? null : Config.list(axis));
    return c;
  }
}

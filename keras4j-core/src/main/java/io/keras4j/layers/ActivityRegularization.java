package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.saving.Config;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Passes its input through unchanged and, during training, adds {@code l1 * sum(|x|) + l2 *
 * sum(x^2)} (divided by the batch size, as every activity penalty) to the model's loss.
 */
public class ActivityRegularization extends Layer {
  private double l1;
  private double l2;

  public ActivityRegularization() {
    this.supportsMasking = true;
    super.activityRegularizer(new L1L2());
  }

  public ActivityRegularization l1(double l1) {
    checkNotBuilt("l1");
    this.l1 = check("l1", l1);
    return this;
  }

  public ActivityRegularization l2(double l2) {
    checkNotBuilt("l2");
    this.l2 = check("l2", l2);
    return this;
  }

  public double l1() {
    return l1;
  }

  public double l2() {
    return l2;
  }

  private static double check(String arg, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          "Invalid value for argument "
              + arg
              + " of layer ActivityRegularization: expected a non-negative float. Received: "
              + arg
              + "="
              + v);
    }
    return v;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    // The penalty itself is added by Layer.callEager, through the activity regularizer.
    return inputs;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("activity_regularizer"); // as Keras: the penalty is l1 and l2
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }

  public static ActivityRegularization fromConfig(Config c) {
    ActivityRegularization a =
        new ActivityRegularization().l1(c.getDouble("l1", 0)).l2(c.getDouble("l2", 0));
    return a.applyBaseConfig(c, a);
  }

  /** The penalty is this layer's l1 and l2: it takes no other (Keras's takes none either). */
  @Override
  public ActivityRegularization activityRegularizer(Regularizer regularizer) {
    throw new IllegalArgumentException(
        "Layer '"
            + name()
            + "' (ActivityRegularization) sets its own activity penalty from l1 and l2 and takes"
            + " no activity_regularizer. Received: activity_regularizer="
            + regularizer);
  }

  /** Keras's L1L2 penalty, reading this layer's current factors. */
  private final class L1L2 implements Regularizer {
    @Override
    public Tensor apply(Tensor x) {
      Tensor p = Tensor.scalar(0f);
      if (l1 != 0) {
        p = Ops.add(p, Ops.multiply(Ops.sum(Ops.abs(x)), (float) l1));
      }
      if (l2 != 0) {
        p = Ops.add(p, Ops.multiply(Ops.sum(Ops.square(x)), (float) l2));
      }
      return p;
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("l1", l1);
      m.put("l2", l2);
      return m;
    }

    @Override
    public String className() {
      return "L1L2";
    }
  }
}

package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Categorical focal cross-entropy (Lin et al., 2017), as Keras's {@code
 * CategoricalFocalCrossentropy(alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0,
 * axis=-1)}: with {@code p = yPred / sum(yPred, axis)} clipped to {@code [1e-7, 1 - 1e-7]} (the
 * softmax first, from logits), the loss is {@code sum(-alpha * (1 - p)^gamma * t * log(p), axis)}.
 */
public final class CategoricalFocalCrossentropy extends Loss {
  private double alpha = 0.25;
  private double gamma = 2.0;
  private boolean fromLogits;
  private double labelSmoothing;
  private int axis = -1;

  /** The loss named {@code "categorical_focal_crossentropy"} with Keras's defaults. */
  public CategoricalFocalCrossentropy() {
    super("categorical_focal_crossentropy");
  }

  /** The weighting factor of every class. */
  public CategoricalFocalCrossentropy alpha(double alpha) {
    this.alpha = Arguments.finite(className(), "alpha", alpha);
    return this;
  }

  /** The focusing exponent, {@code >= 0}; 0 gives {@code alpha} times the cross-entropy. */
  public CategoricalFocalCrossentropy gamma(double gamma) {
    this.gamma = Arguments.nonNegative(className(), "gamma", gamma);
    return this;
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public CategoricalFocalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** In [0, 1]: the labels become {@code t * (1 - s) + s / numClasses}. */
  public CategoricalFocalCrossentropy labelSmoothing(double labelSmoothing) {
    this.labelSmoothing = Arguments.unitInterval(className(), "labelSmoothing", labelSmoothing);
    return this;
  }

  /** The class axis. */
  public CategoricalFocalCrossentropy axis(int axis) {
    this.axis = axis;
    return this;
  }

  public double alpha() {
    return alpha;
  }

  public double gamma() {
    return gamma;
  }

  public boolean fromLogits() {
    return fromLogits;
  }

  public double labelSmoothing() {
    return labelSmoothing;
  }

  public int axis() {
    return axis;
  }

  @Override
  public CategoricalFocalCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public CategoricalFocalCrossentropy reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = CrossEntropies.sameShape(className(), yTrue, yPred);
    int a = Arguments.axis(className(), axis, tp[1]);
    Tensor t = CrossEntropies.smoothCategorical(tp[0], labelSmoothing, tp[1].dim(a));
    Tensor p = fromLogits ? Ops.softmax(tp[1], a) : tp[1];
    Tensor output = Ops.divide(p, Ops.sum(p, new int[] {a}, true));
    output = Ops.clip(output, Arguments.EPSILON, Arguments.ONE_MINUS_EPSILON);
    Tensor cce = Ops.negative(Ops.multiply(t, Ops.log(output)));
    Tensor modulating = Ops.power(Ops.subtract(Arguments.ONE, output), (float) gamma);
    Tensor weighting = Ops.multiply(modulating, (float) alpha);
    return Ops.sum(Ops.multiply(weighting, cce), a);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", axis);
    c.put("alpha", alpha);
    c.put("gamma", gamma);
    return c;
  }
}

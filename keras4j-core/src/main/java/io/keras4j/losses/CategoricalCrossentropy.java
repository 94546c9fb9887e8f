package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Categorical cross-entropy with one-hot (or soft) targets, as Keras's {@code
 * CategoricalCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)}: {@code -sum(yTrue *
 * log(p), axis)}. From probabilities, {@code p} is {@code yPred} divided by its sum over the axis,
 * then clipped to {@code [1e-7, 1 - 1e-7]}; from logits, {@code log(p)} is the log-softmax. Label
 * smoothing mixes the targets with the uniform distribution: {@code t * (1 - s) + s / numClasses}.
 */
public final class CategoricalCrossentropy extends Loss {
  private boolean fromLogits;
  private double labelSmoothing;
  private int axis = -1;

  /** The loss named {@code "categorical_crossentropy"}, on probabilities, over the last axis. */
  public CategoricalCrossentropy() {
    super("categorical_crossentropy");
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public CategoricalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** In [0, 1]: the labels become {@code t * (1 - s) + s / numClasses}. */
  public CategoricalCrossentropy labelSmoothing(double labelSmoothing) {
    this.labelSmoothing = Arguments.unitInterval(className(), "labelSmoothing", labelSmoothing);
    return this;
  }

  /** The class axis. */
  public CategoricalCrossentropy axis(int axis) {
    this.axis = axis;
    return this;
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
  public CategoricalCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public CategoricalCrossentropy reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = CrossEntropies.sameShape(className(), yTrue, yPred);
    int a = Arguments.axis(className(), axis, tp[1]);
    Tensor t = CrossEntropies.smoothCategorical(tp[0], labelSmoothing, tp[1].dim(a));
    return Ops.categoricalCrossentropy(t, tp[1], fromLogits, a);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", axis);
    return c;
  }
}

package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Binary cross-entropy averaged over an axis, as Keras's {@code
 * BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1)}. Probabilities are clipped
 * to {@code [1e-7, 1 - 1e-7]}; from logits, the stable form {@code max(z, 0) - z * t +
 * log1p(exp(-|z|))} is used. Label smoothing moves the targets towards 0.5: {@code t * (1 - s) +
 * 0.5 * s}.
 */
public final class BinaryCrossentropy extends Loss {
  private boolean fromLogits;
  private double labelSmoothing;
  private int axis = -1;

  /** The loss named {@code "binary_crossentropy"}, on probabilities, without label smoothing. */
  public BinaryCrossentropy() {
    super("binary_crossentropy");
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public BinaryCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** In [0, 1]: the labels become {@code t * (1 - s) + 0.5 * s}. */
  public BinaryCrossentropy labelSmoothing(double labelSmoothing) {
    this.labelSmoothing = Arguments.unitInterval(className(), "labelSmoothing", labelSmoothing);
    return this;
  }

  /** The axis the mean is taken over. */
  public BinaryCrossentropy axis(int axis) {
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
  public BinaryCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public BinaryCrossentropy reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = CrossEntropies.sameShape(className(), yTrue, yPred);
    Arguments.axis(className(), axis, tp[1]);
    Tensor t = CrossEntropies.smoothBinary(tp[0], labelSmoothing);
    return Ops.mean(Ops.binaryCrossentropy(t, tp[1], fromLogits), axis);
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

package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Binary focal cross-entropy (Lin et al., 2017), as Keras's {@code
 * BinaryFocalCrossentropy(apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False,
 * label_smoothing=0.0, axis=-1)}: the binary cross-entropy of each value times {@code (1 -
 * p_t)^gamma}, where {@code p_t = t * p + (1 - t) * (1 - p)}, averaged over the axis. With class
 * balancing, each value is also weighted by {@code alpha} for the positive class and {@code 1 -
 * alpha} for the negative one. From logits, {@code p = sigmoid(yPred)} and the probability path
 * follows, as in Keras.
 */
public final class BinaryFocalCrossentropy extends Loss {
  private boolean applyClassBalancing;
  private double alpha = 0.25;
  private double gamma = 2.0;
  private boolean fromLogits;
  private double labelSmoothing;
  private int axis = -1;

  /** The loss named {@code "binary_focal_crossentropy"} with Keras's defaults. */
  public BinaryFocalCrossentropy() {
    super("binary_focal_crossentropy");
  }

  /** Whether to weight positives by {@code alpha} and negatives by {@code 1 - alpha}. */
  public BinaryFocalCrossentropy applyClassBalancing(boolean applyClassBalancing) {
    this.applyClassBalancing = applyClassBalancing;
    return this;
  }

  /** The weight of the positive class when balancing, in [0, 1]. */
  public BinaryFocalCrossentropy alpha(double alpha) {
    this.alpha = Arguments.unitInterval(className(), "alpha", alpha);
    return this;
  }

  /** The focusing exponent, {@code >= 0}; 0 gives the binary cross-entropy. */
  public BinaryFocalCrossentropy gamma(double gamma) {
    this.gamma = Arguments.nonNegative(className(), "gamma", gamma);
    return this;
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public BinaryFocalCrossentropy fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** In [0, 1]: the labels become {@code t * (1 - s) + 0.5 * s}. */
  public BinaryFocalCrossentropy labelSmoothing(double labelSmoothing) {
    this.labelSmoothing = Arguments.unitInterval(className(), "labelSmoothing", labelSmoothing);
    return this;
  }

  /** The axis the mean is taken over. */
  public BinaryFocalCrossentropy axis(int axis) {
    this.axis = axis;
    return this;
  }

  public boolean applyClassBalancing() {
    return applyClassBalancing;
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
  public BinaryFocalCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public BinaryFocalCrossentropy reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = CrossEntropies.sameShape(className(), yTrue, yPred);
    Arguments.axis(className(), axis, tp[1]);
    Tensor t = CrossEntropies.smoothBinary(tp[0], labelSmoothing);
    Tensor p = fromLogits ? Ops.sigmoid(tp[1]) : tp[1];
    Tensor bce = Ops.binaryCrossentropy(t, p, false);
    Tensor notT = Ops.subtract(Arguments.ONE, t);
    Tensor pT = Ops.add(Ops.multiply(t, p), Ops.multiply(notT, Ops.subtract(Arguments.ONE, p)));
    Tensor focal = Ops.power(Ops.subtract(Arguments.ONE, pT), (float) gamma);
    Tensor loss = Ops.multiply(focal, bce);
    if (applyClassBalancing) {
      Tensor weight =
          Ops.add(Ops.multiply(t, (float) alpha), Ops.multiply(notT, (float) (1.0 - alpha)));
      loss = Ops.multiply(weight, loss);
    }
    return Ops.mean(loss, axis);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", fromLogits);
    c.put("label_smoothing", labelSmoothing);
    c.put("axis", axis);
    c.put("apply_class_balancing", applyClassBalancing);
    c.put("alpha", alpha);
    c.put("gamma", gamma);
    return c;
  }
}

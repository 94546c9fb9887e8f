package io.keras4j.metrics;

import io.keras4j.Tensor;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.BinaryCrossentropy(name="binary_crossentropy", from_logits=False,
 * label_smoothing=0)}: the weighted mean over samples of the binary cross-entropy averaged over the
 * last axis (see {@link io.keras4j.losses.BinaryCrossentropy}).
 */
public class BinaryCrossentropy extends LossMetric {
  private final io.keras4j.losses.BinaryCrossentropy loss =
      new io.keras4j.losses.BinaryCrossentropy();

  /** Named {@code "binary_crossentropy"}, on probabilities, without label smoothing. */
  public BinaryCrossentropy() {
    this("binary_crossentropy");
  }

  public BinaryCrossentropy(String name) {
    super(name);
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public BinaryCrossentropy fromLogits(boolean fromLogits) {
    loss.fromLogits(fromLogits);
    return this;
  }

  /** In [0, 1]: the labels become {@code t * (1 - s) + 0.5 * s}. */
  public BinaryCrossentropy labelSmoothing(double labelSmoothing) {
    loss.labelSmoothing(labelSmoothing);
    return this;
  }

  public boolean fromLogits() {
    return loss.fromLogits();
  }

  public double labelSmoothing() {
    return loss.labelSmoothing();
  }

  @Override
  public BinaryCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return loss.compute(yTrue, yPred);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", loss.fromLogits());
    c.put("label_smoothing", loss.labelSmoothing());
    return c;
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.CategoricalCrossentropy(name="categorical_crossentropy",
 * from_logits=False, label_smoothing=0, axis=-1)}: the weighted mean over samples of the
 * cross-entropy of one-hot targets (see {@link io.keras4j.losses.CategoricalCrossentropy}).
 */
public class CategoricalCrossentropy extends LossMetric {
  private final io.keras4j.losses.CategoricalCrossentropy loss =
      new io.keras4j.losses.CategoricalCrossentropy();

  /** Named {@code "categorical_crossentropy"}, on probabilities, classes on the last axis. */
  public CategoricalCrossentropy() {
    this("categorical_crossentropy");
  }

  public CategoricalCrossentropy(String name) {
    super(name);
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public CategoricalCrossentropy fromLogits(boolean fromLogits) {
    loss.fromLogits(fromLogits);
    return this;
  }

  /** In [0, 1]: the labels become {@code t * (1 - s) + s / numClasses}. */
  public CategoricalCrossentropy labelSmoothing(double labelSmoothing) {
    loss.labelSmoothing(labelSmoothing);
    return this;
  }

  /** The class axis (default -1). */
  public CategoricalCrossentropy axis(int axis) {
    loss.axis(axis);
    return this;
  }

  public boolean fromLogits() {
    return loss.fromLogits();
  }

  public double labelSmoothing() {
    return loss.labelSmoothing();
  }

  public int axis() {
    return loss.axis();
  }

  @Override
  public CategoricalCrossentropy name(String name) {
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
    c.put("axis", loss.axis());
    return c;
  }
}

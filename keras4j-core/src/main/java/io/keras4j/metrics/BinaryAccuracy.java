package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.BinaryAccuracy}: how often {@code yPred > threshold} (as 1 or 0)
 * equals the label, averaged over samples with their weights.
 */
public class BinaryAccuracy extends PairwiseMetric {
  private double threshold = 0.5;

  /** Named {@code "binary_accuracy"}, threshold 0.5. */
  public BinaryAccuracy() {
    this("binary_accuracy");
  }

  public BinaryAccuracy(String name) {
    super(name, false);
  }

  @Override
  public BinaryAccuracy name(String name) {
    super.name(name);
    return this;
  }

  /** Predictions above this count as 1 (default 0.5). */
  public BinaryAccuracy threshold(double threshold) {
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "BinaryAccuracy: threshold must be a finite number. Received: threshold=" + threshold);
    }
    this.threshold = threshold;
    return this;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  Tensor terms(Tensor yTrue, Tensor yPred) {
    // Keras compares in float32: predictions above the threshold become 1, the others 0.
    return Ops.equal(yTrue, Ops.greater(yPred, Tensor.scalar((float) threshold)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("threshold", threshold);
    return c;
  }
}

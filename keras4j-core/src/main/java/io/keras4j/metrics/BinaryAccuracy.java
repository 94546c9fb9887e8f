package io.keras4j.metrics;

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
  void terms(float[] yTrue, float[] yPred, float[] out, int n) {
    float t = (float) threshold; // Keras compares in float32
    for (int i = 0; i < n; i++) {
      out[i] = yTrue[i] == (yPred[i] > t ? 1f : 0f) ? 1f : 0f;
    }
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("threshold", threshold);
    return c;
  }
}

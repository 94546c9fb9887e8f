package io.keras4j.metrics;

/**
 * Keras's {@code keras.metrics.Accuracy}: how often predictions equal labels exactly, averaged over
 * samples with their weights.
 */
public class Accuracy extends PairwiseMetric {
  /** Named {@code "accuracy"}. */
  public Accuracy() {
    this("accuracy");
  }

  public Accuracy(String name) {
    super(name, false);
  }

  @Override
  public Accuracy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  void terms(float[] yTrue, float[] yPred, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = yTrue[i] == yPred[i] ? 1f : 0f;
    }
  }
}

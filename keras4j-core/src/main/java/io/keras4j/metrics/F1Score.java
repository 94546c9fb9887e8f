package io.keras4j.metrics;

import java.util.Map;

/**
 * Keras's {@code keras.metrics.F1Score}: the {@link FBetaScore} with beta 1, the harmonic mean of
 * precision and recall.
 */
public class F1Score extends FBetaScore {
  /** No averaging, argmax predictions; named {@code "f1_score"}. */
  public F1Score() {
    super("f1_score");
  }

  @Override
  public F1Score name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public F1Score average(String average) {
    super.average(average);
    return this;
  }

  @Override
  public F1Score threshold(double threshold) {
    super.threshold(threshold);
    return this;
  }

  /** Unsupported: an F1 score has beta 1. */
  @Override
  public F1Score beta(double beta) {
    if (beta != 1.0) {
      throw new IllegalArgumentException(
          "F1Score: beta is always 1; use FBetaScore for another beta. Received: beta=" + beta);
    }
    return this;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("beta");
    return c;
  }
}

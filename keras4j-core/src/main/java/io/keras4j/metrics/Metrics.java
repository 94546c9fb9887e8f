package io.keras4j.metrics;

/** Metrics by Keras name, as {@code keras.metrics.get}. Skeleton. */
public final class Metrics {
  private Metrics() {}

  /** A new metric for a Keras name ("mae", "AUC", "precision", ...), named as given. */
  public static Metric get(String name) {
    throw new UnsupportedOperationException("skeleton");
  }
}

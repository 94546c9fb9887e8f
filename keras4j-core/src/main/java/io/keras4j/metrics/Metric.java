package io.keras4j.metrics;

import io.keras4j.Tensor;

/**
 * A streaming metric, as Keras's {@code keras.metrics.Metric}: {@link #updateState} accumulates
 * batches, {@link #result} reads the value so far, {@link #resetState} starts over. Skeleton: the
 * metrics work completes it.
 */
public abstract class Metric {
  private String name;

  protected Metric(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Metric name(String name) {
    this.name = name;
    return this;
  }

  public void updateState(Tensor yTrue, Tensor yPred) {
    updateState(yTrue, yPred, null);
  }

  /** Accumulates one batch; {@code sampleWeight} may be null. */
  public abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

  /** The value so far: a scalar for most metrics, a vector for per-class or per-threshold ones. */
  public abstract Tensor result();

  public abstract void resetState();
}

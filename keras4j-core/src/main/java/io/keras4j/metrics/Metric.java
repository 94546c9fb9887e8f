package io.keras4j.metrics;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A streaming metric, as Keras's {@code keras.metrics.Metric}: {@link #updateState} accumulates
 * batches, {@link #result} reads the value so far, {@link #resetState} starts over.
 *
 * <p>Metrics are not differentiated: they read the raw arrays of their inputs and accumulate in
 * double precision (Keras accumulates in float32; results agree within float32 tolerance).
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

  /** The Keras class name written in the JSON form, e.g. {@code "AUC"}. */
  public String className() {
    return getClass().getSimpleName();
  }

  /**
   * Whether larger values are better: {@code "up"} (accuracy, AUC), {@code "down"} (errors), or
   * null when the metric does not say (Keras's {@code _direction}, read by callbacks in "auto"
   * mode).
   */
  public String direction() {
    return null;
  }

  public void updateState(Tensor yTrue, Tensor yPred) {
    updateState(yTrue, yPred, null);
  }

  /** Accumulates one batch; {@code sampleWeight} may be null. */
  public abstract void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight);

  /**
   * Accumulates one batch with the mask of {@code yPred} (1 keep, 0 drop; null: keep all). As in
   * Keras, only the metrics that average a per-sample function ({@link MeanMetricWrapper}) read the
   * mask; the others ignore it.
   */
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    updateState(yTrue, yPred, sampleWeight);
  }

  /** The value so far: a scalar for most metrics, a vector for per-class or per-threshold ones. */
  public abstract Tensor result();

  public abstract void resetState();

  /** Keras's config: the constructor arguments, snake_case, starting with name and dtype. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("dtype", "float32");
    return c;
  }

  @Override
  public String toString() {
    return "<" + className() + " name=" + name + ">";
  }
}

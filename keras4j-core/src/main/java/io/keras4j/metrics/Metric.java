package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming metric, as Keras's {@code keras.metrics.Metric}: {@link #updateState} accumulates
 * batches, {@link #result} reads the value so far, {@link #resetState} starts over.
 *
 * <p>The state is a few float32 {@link Variable}s ({@link #variables()}, Keras's {@code
 * metric.variables}: totals, counts, confusion-matrix cells), so instances that saw different parts
 * of the data (workers of a data-parallel fit) can be combined with {@link #mergeState}. Metrics
 * are not differentiated: they compute a batch's sums with ops ({@code io.keras4j.ops.Ops}, and the
 * backend's metric family for confusion counts at thresholds) and add them to their state with
 * {@link Variable#assignAdd}, as Keras does.
 */
public abstract class Metric {
  private String name;
  private final List<Variable> variables = new ArrayList<>();

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

  /** Starts over: every state variable back to zero (Keras's default {@code reset_state}). */
  public void resetState() {
    for (Variable v : variables) {
      v.assign(Tensor.zeros(ShapeRefs.of(v)));
    }
  }

  /**
   * The state of this metric as variables (Keras's {@code metric.variables}), in a fixed order;
   * empty for a metric whose state is made by its first batch and that has seen none yet.
   */
  public final List<Variable> variables() {
    return Collections.unmodifiableList(variables);
  }

  /**
   * Adds the state of other instances of this metric (same class, same options) into this one, as
   * Keras 2's {@code Metric.merge_state(metrics)}: afterwards {@link #result} is what one instance
   * fed all their batches would give. The others are left unchanged. A metric whose state does not
   * add up, or is kept outside {@link #variables()}, overrides this (and {@link #resetState()}).
   */
  public void mergeState(List<? extends Metric> others) {
    for (Metric other : others) {
      if (other.getClass() != getClass()) {
        throw new IllegalArgumentException(
            className()
                + " '"
                + name
                + "' can only merge the state of other "
                + className()
                + " instances. Received: "
                + other);
      }
      if (other.variables.isEmpty()) {
        continue; // a metric whose state is made by its first batch, and that saw none
      }
      if (variables.isEmpty()) {
        buildLike(other);
      }
      checkCompatible(other);
      for (int i = 0; i < variables.size(); i++) {
        variables.get(i).assignAdd(other.variables.get(i).value());
      }
    }
  }

  /** {@link #mergeState(List)} for a few metrics. */
  public final void mergeState(Metric... others) {
    mergeState(List.of(others));
  }

  private void checkCompatible(Metric other) {
    boolean same = other.variables.size() == variables.size();
    for (int i = 0; same && i < variables.size(); i++) {
      same = Arrays.equals(ShapeRefs.of(variables.get(i)), ShapeRefs.of(other.variables.get(i)));
    }
    if (!same) {
      throw new IllegalArgumentException(
          "Metric "
              + other
              + " is not compatible with "
              + this
              + ": their states differ. Expected variables "
              + describe(variables)
              + ". Received: "
              + describe(other.variables));
    }
  }

  private static String describe(List<Variable> vs) {
    List<String> out = new ArrayList<>();
    for (Variable v : vs) {
      out.add(v.name() + Shapes.toString(ShapeRefs.of(v)));
    }
    return out.toString();
  }

  /**
   * Adds a state variable of zeros, float32 and not trainable (Keras's {@code add_variable}); the
   * caller keeps it to accumulate into ({@link Variable#assignAdd}).
   */
  protected final Variable addVariable(String variableName, int... shape) {
    Variable v = new Variable(variableName, Tensor.zeros(shape), false);
    v.setPath(name + "/" + variableName);
    variables.add(v);
    return v;
  }

  /** Drops every state variable, for options that change the shape of the state. */
  protected final void clearVariables() {
    variables.clear();
  }

  /**
   * Makes this metric's state (still unmade) like {@code other}'s, for {@link #mergeState}: metrics
   * whose state is made by their first batch override this. The default does nothing.
   */
  protected void buildLike(Metric other) {}

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

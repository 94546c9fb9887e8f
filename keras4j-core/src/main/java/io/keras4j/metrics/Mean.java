package io.keras4j.metrics;

import io.keras4j.Tensor;

/**
 * The (weighted) mean of the values given, as Keras's {@code keras.metrics.Mean}: {@code [1, 3, 5,
 * 7]} gives 4, and with sample weights {@code [1, 1, 0, 0]} gives 2.
 *
 * <p>Keras's {@code update_state(values, sample_weight)} takes values, not targets and predictions:
 * here it is {@link #updateState(Tensor)} and {@link #updateState(Tensor, Tensor)} (values, sample
 * weights). The three-argument form of {@link Metric} has no meaning for this class and throws.
 */
public class Mean extends Metric {
  private final Totals totals = new Totals(addVariable("total"), addVariable("count"));

  /** A mean named {@code "mean"}. */
  public Mean() {
    this("mean");
  }

  public Mean(String name) {
    super(name);
  }

  @Override
  public Mean name(String name) {
    super.name(name);
    return this;
  }

  /** Adds values; values of rank 2 or more are first averaged within each sample (row). */
  public void updateState(Tensor values) {
    updateState(values, (Tensor) null);
  }

  /**
   * Adds values weighted by {@code sampleWeight} (null: weight 1), which Keras matches to the
   * values as {@code reduce_to_samplewise_values} does.
   *
   * <p>Note: for this class the two arguments are (values, sampleWeight), not (yTrue, yPred).
   */
  @Override
  public void updateState(Tensor values, Tensor sampleWeight) {
    totals.add(values, sampleWeight, true, className());
  }

  /** Unsupported: a Mean takes values, not targets and predictions. */
  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    throw new UnsupportedOperationException(
        className()
            + " takes values, not (y_true, y_pred): call updateState(values) or"
            + " updateState(values, sampleWeight). Received: 3 tensors");
  }

  @Override
  public Tensor result() {
    return Tensor.scalar((float) totals.mean());
  }

  /** The weighted sum of the values so far (Keras's {@code total} variable). */
  public double total() {
    return totals.total();
  }

  /** The sum of the weights so far (Keras's {@code count} variable). */
  public double count() {
    return totals.count();
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;

/**
 * The (weighted) sum of the values given, as Keras's {@code keras.metrics.Sum}: {@code [1, 3, 5,
 * 7]} gives 16, and with sample weights {@code [1, 1, 0, 0]} gives 4.
 *
 * <p>As for {@link Mean}, the two-argument {@link #updateState(Tensor, Tensor)} is (values, sample
 * weights) and the three-argument form throws.
 */
public class Sum extends Metric {
  private final Totals totals = new Totals(addVariable("total"), null); // no count, as Keras

  /** A sum named {@code "sum"}. */
  public Sum() {
    this("sum");
  }

  public Sum(String name) {
    super(name);
  }

  @Override
  public Sum name(String name) {
    super.name(name);
    return this;
  }

  /** Adds the sum of {@code values}. */
  public void updateState(Tensor values) {
    updateState(values, (Tensor) null);
  }

  /**
   * Adds the sum of {@code values} weighted by {@code sampleWeight} (null: weight 1).
   *
   * <p>Note: for this class the two arguments are (values, sampleWeight), not (yTrue, yPred).
   */
  @Override
  public void updateState(Tensor values, Tensor sampleWeight) {
    totals.add(values, sampleWeight, false, className());
  }

  /** Unsupported: a Sum takes values, not targets and predictions. */
  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    throw new UnsupportedOperationException(
        className()
            + " takes values, not (y_true, y_pred): call updateState(values) or"
            + " updateState(values, sampleWeight). Received: 3 tensors");
  }

  @Override
  public Tensor result() {
    return Tensor.scalar((float) totals.total());
  }
}

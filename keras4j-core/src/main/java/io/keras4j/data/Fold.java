package io.keras4j.data;

/**
 * One fold of a cross-validation (made by {@link KFold}): the rows to train on and the rows to
 * validate on. The {@code (Dataset)} methods gather those rows.
 *
 * @param train the training rows (ascending)
 * @param validation the rows held out in this fold
 */
public record Fold(int[] train, int[] validation) {
  /** The training rows of {@code d}. */
  public Dataset train(Dataset d) {
    return d.take(train);
  }

  /** The validation rows of {@code d}. */
  public Dataset validation(Dataset d) {
    return d.take(validation);
  }

  @Override
  public String toString() {
    return "Fold(train=" + train.length + " rows, validation=" + validation.length + " rows)";
  }
}

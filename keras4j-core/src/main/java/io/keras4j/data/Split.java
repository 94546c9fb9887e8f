package io.keras4j.data;

/**
 * A train / validation / test split as row indices (made by {@link Splits}). The arrays are
 * disjoint and together hold every row once. The {@code (Dataset)} methods gather those rows.
 *
 * @param train the training rows
 * @param validation the validation rows (may be empty)
 * @param test the test rows (may be empty)
 */
public record Split(int[] train, int[] validation, int[] test) {
  /** The training rows of {@code d}. */
  public Dataset train(Dataset d) {
    return d.take(train);
  }

  /** The validation rows of {@code d}. */
  public Dataset validation(Dataset d) {
    return d.take(validation);
  }

  /** The test rows of {@code d}. */
  public Dataset test(Dataset d) {
    return d.take(test);
  }

  @Override
  public String toString() {
    return "Split(train="
        + train.length
        + " rows, validation="
        + validation.length
        + " rows, test="
        + test.length
        + " rows)";
  }
}

package io.keras4j.datasets;

import io.keras4j.data.CsvReader;
import io.keras4j.data.Dataset;

/**
 * The Boston house-prices regression data, from scikit-learn's {@code boston_house_prices.csv}: 506
 * rows of 13 features (CRIM, ZN, INDUS, CHAS, NOX, RM, AGE, DIS, RAD, TAX, PTRATIO, B, LSTAT;
 * float32, shape {@code (506, 13)}) and the median home value MEDV in $1000s as the target
 * (float32, shape {@code (506,)}). The same data as {@code keras.datasets.boston_housing}, whole
 * and in the file's order; split it with {@link io.keras4j.data.Splits}.
 *
 * <p>Known to encode a racially biased feature (B); kept for comparison with published results.
 *
 * <p>The file ships with keras4j ({@code io/keras4j/datasets/boston_house_prices.csv}), copied from
 * scikit-learn under its BSD-3-Clause licence; the notice is in {@code
 * io/keras4j/datasets/SCIKIT-LEARN-LICENSE.txt} next to it. Data: Harrison and Rubinfeld (1978).
 */
public final class BostonHousing {
  private BostonHousing() {}

  /** All 506 rows, with the column names as feature names. */
  public static Dataset load() {
    return Resources.readCsv(
        "boston_house_prices.csv", new CsvReader().skipRows(1).header(true).labelColumn("MEDV"));
  }
}

package io.keras4j.datasets;

import io.keras4j.data.CsvReader;
import io.keras4j.data.Dataset;
import java.nio.file.Path;

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
 *
 * <p>{@link #loadData()} is {@code keras.datasets.boston_housing.load_data()} itself: it downloads
 * Keras's {@code boston_housing.npz} once into the {@link DatasetCache} (checked against the
 * SHA-256 Keras publishes), shuffles the 506 rows with {@code np.random.RandomState(seed)} and
 * returns the first {@code int(506 * (1 - testSplit))} (404 by default) for training, the rest for
 * testing: x float32 {@code (n, 13)}, y float32 {@code (n,)} (Keras gives float64).
 */
public final class BostonHousing {
  private static final String WHO = "BostonHousing";

  static final DatasetCache.Remote NPZ =
      new DatasetCache.Remote(
          "boston_housing.npz",
          "",
          ImdbDownload.ORIGIN + "boston_housing.npz",
          "f553886a1f8d56431e820c5b82552d9d95cfcb96d1e678153f8839538947dff5");

  private BostonHousing() {}

  /** {@code load_data()}: Keras's split with {@code test_split=0.2}, {@code seed=113}. */
  public static TrainTestData loadData() {
    return loadData(0.2, 113);
  }

  /** {@code load_data(test_split=testSplit, seed=seed)}, downloading the file the first time. */
  public static TrainTestData loadData(double testSplit, long seed) {
    ShuffleSplit.check(WHO, testSplit, seed);
    return loadData(DatasetCache.standard(), testSplit, seed);
  }

  static TrainTestData loadData(DatasetCache cache, double testSplit, long seed) {
    Path npz = cache.file(WHO, NPZ, "call BostonHousing.loadData(Path, testSplit, seed) on it");
    return loadData(npz, testSplit, seed);
  }

  /** {@code load_data(path=npz, ...)} on a {@code boston_housing.npz} already here. */
  public static TrainTestData loadData(Path npz, double testSplit, long seed) {
    Npz a = Npz.read(npz);
    return ShuffleSplit.split(WHO, a.floats("x"), a.shape("x"), a.floats("y"), -1, testSplit, seed);
  }

  /** All 506 rows, with the column names as feature names. */
  public static Dataset load() {
    return Resources.readCsv(
        "boston_house_prices.csv", new CsvReader().skipRows(1).header(true).labelColumn("MEDV"));
  }
}

package io.keras4j.datasets;

import java.nio.file.Path;

/**
 * The California housing regression data as {@code keras.datasets.california_housing.load_data}:
 * 20,640 census block groups of 8 features ({@link #FEATURE_NAMES}) and the median house value in
 * dollars as the target. {@code version} "large" (the default) keeps every row, "small" the first
 * 600 (Keras's stand-in for Boston housing); the rows are then shuffled with {@code
 * np.random.RandomState(seed)} and the first {@code int(n * (1 - testSplit))} are the training part
 * (16,512 and 480 by default). x is float32 {@code (n, 8)}, y float32 {@code (n,)}.
 *
 * <p>{@code california_housing.npz} is downloaded once from Keras's bucket into the {@link
 * DatasetCache} and checked against the SHA-256 Keras publishes. Data: Pace and Barry (1997), from
 * the StatLib repository.
 */
public final class CaliforniaHousing {
  private static final String WHO = "CaliforniaHousing";

  /** The columns of x, in order. */
  public static final java.util.List<String> FEATURE_NAMES =
      java.util.List.of(
          "MedInc",
          "HouseAge",
          "AveRooms",
          "AveBedrms",
          "Population",
          "AveOccup",
          "Latitude",
          "Longitude");

  static final DatasetCache.Remote NPZ =
      new DatasetCache.Remote(
          "california_housing.npz",
          "",
          ImdbDownload.ORIGIN + "california_housing.npz",
          "1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f");

  private CaliforniaHousing() {}

  /** {@code load_data()}: version "large", {@code test_split=0.2}, {@code seed=113}. */
  public static TrainTestData loadData() {
    return loadData("large", 0.2, 113);
  }

  /** {@code load_data(version=version)}: "large" or "small". */
  public static TrainTestData loadData(String version) {
    return loadData(version, 0.2, 113);
  }

  /** {@code load_data(version, test_split=testSplit, seed=seed)}, downloading the first time. */
  public static TrainTestData loadData(String version, double testSplit, long seed) {
    limit(version);
    ShuffleSplit.check(WHO, testSplit, seed);
    return loadData(DatasetCache.standard(), version, testSplit, seed);
  }

  static TrainTestData loadData(DatasetCache cache, String version, double testSplit, long seed) {
    Path npz =
        cache.file(WHO, NPZ, "call CaliforniaHousing.loadData(Path, version, testSplit, seed)");
    return loadData(npz, version, testSplit, seed);
  }

  /** {@code load_data(..., path=npz)} on a {@code california_housing.npz} already here. */
  public static TrainTestData loadData(Path npz, String version, double testSplit, long seed) {
    int limit = limit(version);
    Npz a = Npz.read(npz);
    return ShuffleSplit.split(
        WHO, a.floats("x"), a.shape("x"), a.floats("y"), limit, testSplit, seed);
  }

  private static int limit(String version) {
    return switch (version) {
      case "large" -> -1;
      case "small" -> 600;
      case null, default ->
          throw new IllegalArgumentException(
              WHO + ": version must be one of 'small', 'large'. Received: version=" + version);
    };
  }
}

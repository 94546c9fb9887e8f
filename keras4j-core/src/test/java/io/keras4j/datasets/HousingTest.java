package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.testing.GoldenData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boston and California housing as Keras's {@code load_data}: numpy-written npz fixtures (float64
 * and float32), shuffled with {@code np.random.RandomState(seed)} and split at {@code int(n * (1 -
 * test_split))}; expected rows computed by a transcription of Keras's loaders with numpy
 * (generated/datasets_fixtures.py).
 */
class HousingTest {
  @TempDir Path tmp;

  @Test
  void bostonAsKeras() {
    Path npz = Fixtures.copy("boston_housing.npz", tmp.resolve("src"));
    var cache =
        new DatasetCache(
            tmp.resolve("cache"),
            new Fixtures.LocalFetcher(npz.getParent()),
            Map.of("boston_housing.npz", Fixtures.sha256(npz)));
    TrainTestData d = BostonHousing.loadData(cache, 0.2, 113);
    check("boston_default", d, 13);
    assertArrayEquals(new int[] {18, 13}, d.train().x().shape());
    assertArrayEquals(new int[] {5}, d.test().y().shape());
    assertEquals(DType.FLOAT32, d.train().x().dtype());
    assertEquals(DType.FLOAT32, d.train().y().dtype());
    check("boston_0.3_7", BostonHousing.loadData(npz, 0.3, 7), 13);
  }

  @Test
  void californiaLargeAndSmallAsKeras() {
    Path npz = Fixtures.copy("california_housing.npz", tmp.resolve("src"));
    for (String version : new String[] {"large", "small"}) {
      TrainTestData d = CaliforniaHousing.loadData(npz, version, 0.2, 113);
      Map<String, Object> want = Fixtures.expected("california_" + version, tmp);
      int nTrain = ((Number) want.get("n_train")).intValue();
      int nTest = ((Number) want.get("n_test")).intValue();
      assertArrayEquals(new int[] {nTrain, 8}, d.train().x().shape(), version);
      assertArrayEquals(new int[] {nTest}, d.test().y().shape(), version);
      float[] yTrain = d.train().y().toFloatArray();
      float[] yTest = d.test().y().toFloatArray();
      assertArrayEquals(
          GoldenData.floats(want.get("y_train_first")),
          java.util.Arrays.copyOf(yTrain, 5),
          version);
      assertArrayEquals(
          GoldenData.floats(want.get("y_test_last")),
          java.util.Arrays.copyOfRange(yTest, nTest - 5, nTest),
          version);
      assertArrayEquals(
          GoldenData.floats(want.get("x_test_row0")),
          java.util.Arrays.copyOf(d.test().x().toFloatArray(), 8),
          version);
      double sum = 0;
      for (float v : d.train().x().toFloatArray()) {
        sum += v;
      }
      double expected = ((Number) want.get("x_train_sum")).doubleValue();
      assertEquals(expected, sum, 1e-9 * Math.abs(expected) + 1e-6, version);
    }
    assertEquals(8, CaliforniaHousing.FEATURE_NAMES.size());
  }

  @Test
  void badArgumentsNameThemselves() {
    Path npz = Fixtures.copy("california_housing.npz", tmp.resolve("src"));
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CaliforniaHousing.loadData(npz, "medium", 0.2, 113));
    assertEquals(
        "CaliforniaHousing: version must be one of 'small', 'large'. Received: version=medium",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BostonHousing.loadData(npz, 1.0, 113));
    assertEquals(
        "BostonHousing: testSplit must be in [0, 1). Received: testSplit=1.0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> CaliforniaHousing.loadData("large", 0.2, -3));
    assertTrue(e.getMessage().contains("seed=-3"), e.getMessage());
    // test_split 0 keeps every row for training and an empty test part, as Keras
    TrainTestData all = CaliforniaHousing.loadData(npz, "small", 0.0, 113);
    assertEquals(600, all.train().size());
    assertEquals(0, all.test().size());
  }

  private void check(String key, TrainTestData d, int features) {
    Map<String, Object> want = Fixtures.expected(key, tmp);
    assertArrayEquals(GoldenData.floats(want.get("x_train")), d.train().x().toFloatArray());
    assertArrayEquals(GoldenData.floats(want.get("y_train")), d.train().y().toFloatArray());
    assertArrayEquals(GoldenData.floats(want.get("x_test")), d.test().x().toFloatArray());
    assertArrayEquals(GoldenData.floats(want.get("y_test")), d.test().y().toFloatArray());
    assertEquals(features, d.train().x().shape()[1]);
  }
}

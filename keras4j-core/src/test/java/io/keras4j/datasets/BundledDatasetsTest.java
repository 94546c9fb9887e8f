package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.DType;
import io.keras4j.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The datasets shipped with keras4j. Expected numbers come from scikit-learn's documentation and
 * from numpy on the same files: {@code np.loadtxt(gzip.open('digits.csv.gz'), delimiter=',')} and
 * {@code np.genfromtxt('boston_house_prices.csv', delimiter=',', skip_header=2)}.
 */
class BundledDatasetsTest {
  @Test
  void digitsAreScikitLearns1797Images() {
    Dataset d = Digits.load();
    assertEquals(1797, d.size());
    assertArrayEquals(new int[] {1797, 64}, d.x().shape());
    assertEquals(DType.INT32, d.y().dtype());
    assertArrayEquals(new int[] {1797}, d.y().shape());
    int[] counts = new int[10];
    for (int label : d.y().toIntArray()) {
      counts[label]++;
    }
    // sklearn: np.bincount(load_digits().target)
    assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
    float[] x = d.x().toFloatArray();
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    double sum = 0;
    for (float v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    assertEquals(0f, min);
    assertEquals(16f, max);
    assertEquals(561718.0, sum); // numpy: d[:, :64].sum()
    // The first image starts 0,0,5,13,9,1,0,0 / 0,0,13,15,10,15,5,0 and is a 0.
    float[] firstRows = new float[16];
    System.arraycopy(x, 0, firstRows, 0, 16);
    assertArrayEquals(new float[] {0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0}, firstRows);
    assertEquals(0, d.y().getInt(0));
    assertEquals(64, d.featureNames().size());
    assertEquals("pixel_0_0", d.featureNames().get(0));
    assertEquals("pixel_7_7", d.featureNames().get(63));
  }

  @Test
  void bostonHousingHas506RowsOf13FeaturesAndMedv() {
    Dataset d = BostonHousing.load();
    assertEquals(506, d.size());
    assertArrayEquals(new int[] {506, 13}, d.x().shape());
    assertArrayEquals(new int[] {506}, d.y().shape());
    assertEquals(DType.FLOAT32, d.y().dtype());
    assertEquals(
        List.of(
            "CRIM", "ZN", "INDUS", "CHAS", "NOX", "RM", "AGE", "DIS", "RAD", "TAX", "PTRATIO", "B",
            "LSTAT"),
        d.featureNames());
    float[] x = d.x().toFloatArray();
    float[] first = new float[13];
    System.arraycopy(x, 0, first, 0, 13);
    assertArrayEquals(
        new float[] {
          0.00632f, 18, 2.31f, 0, 0.538f, 6.575f, 65.2f, 4.09f, 1, 296, 15.3f, 396.9f, 4.98f
        },
        first);
    assertEquals(24f, d.y().getFloat(0));
    float[] last = new float[13];
    System.arraycopy(x, 505 * 13, last, 0, 13);
    assertArrayEquals(
        new float[] {
          0.04741f, 0, 11.93f, 0, 0.573f, 6.03f, 80.8f, 2.505f, 1, 273, 21, 396.9f, 7.88f
        },
        last);
    assertEquals(11.9f, d.y().getFloat(505));
    double mean = 0;
    for (float v : d.y().toFloatArray()) {
      mean += v;
    }
    assertEquals(22.532806324110677, mean / 506, 1e-5); // numpy: b[:, 13].mean()
  }
}

package io.keras4j.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RandomOpsTest {
  private static final int[] BIG = {400, 500}; // 200,000 values: 4 chunks

  @Test
  void aLongSeedIsStateless() {
    assertArrayEquals(
        RandomOps.normal(BIG, 0, 1, 7).toFloatArray(),
        RandomOps.normal(BIG, 0, 1, 7).toFloatArray());
    assertFalse(
        Arrays.equals(
            RandomOps.normal(BIG, 0, 1, 7).toFloatArray(),
            RandomOps.normal(BIG, 0, 1, 8).toFloatArray()));
  }

  @Test
  void valuesDoNotDependOnTheNumberOfThreads() {
    int before = Backend.current().threads();
    try {
      Backend.current().setThreads(1);
      float[] one = RandomOps.truncatedNormal(BIG, 0, 1, 3).toFloatArray();
      Backend.current().setThreads(4);
      float[] four = RandomOps.truncatedNormal(BIG, 0, 1, 3).toFloatArray();
      assertArrayEquals(one, four);
    } finally {
      Backend.current().setThreads(before);
    }
  }

  @Test
  void aSeedGeneratorAdvancesAndIsReproducible() {
    SeedGenerator g1 = new SeedGenerator(11);
    SeedGenerator g2 = new SeedGenerator(11);
    float[] a = RandomOps.uniform(new int[] {5}, 0, 1, g1).toFloatArray();
    float[] b = RandomOps.uniform(new int[] {5}, 0, 1, g1).toFloatArray();
    assertFalse(Arrays.equals(a, b));
    assertArrayEquals(a, RandomOps.uniform(new int[] {5}, 0, 1, g2).toFloatArray());
  }

  @Test
  void theGlobalSeedMakesUnseededCallsReproducible() {
    Keras.setRandomSeed(1234);
    float[] a = RandomOps.normal(new int[] {3, 4}, 0, 1).toFloatArray();
    float[] b = RandomOps.normal(new int[] {3, 4}, 0, 1).toFloatArray();
    Keras.setRandomSeed(1234);
    assertArrayEquals(a, RandomOps.normal(new int[] {3, 4}, 0, 1).toFloatArray());
    assertArrayEquals(b, RandomOps.normal(new int[] {3, 4}, 0, 1).toFloatArray());
    assertFalse(Arrays.equals(a, b));
  }

  @Test
  void normalStatistics() {
    double[] m = moments(RandomOps.normal(BIG, 1.5, 0.25, 99));
    // Standard errors on 200k draws: mean 0.00056, std 0.0004.
    assertEquals(1.5, m[0], 0.003);
    assertEquals(0.25, m[1], 0.002);
  }

  @Test
  void uniformStatisticsAndBounds() {
    Tensor t = RandomOps.uniform(BIG, -2, 3, 5);
    for (float v : t.toFloatArray()) {
      assertTrue(v >= -2f && v < 3f, "out of [-2, 3): " + v);
    }
    double[] m = moments(t);
    assertEquals(0.5, m[0], 0.01);
    assertEquals(5 / Math.sqrt(12), m[1], 0.01);
    assertThrows(IllegalArgumentException.class, () -> RandomOps.uniform(BIG, 1, 1, 5));
  }

  @Test
  void truncatedNormalStaysWithinTwoStddevs() {
    Tensor t = RandomOps.truncatedNormal(BIG, -1, 0.5, 21);
    for (float v : t.toFloatArray()) {
      assertTrue(v >= -2.0000001f && v <= 0.0000001f, "beyond two stddevs: " + v);
    }
    double[] m = moments(t);
    assertEquals(-1, m[0], 0.003);
    // The std of a normal truncated at +-2 sigma is 0.87962566 sigma (Keras's correction).
    assertEquals(0.5 * 0.87962566103423978, m[1], 0.002);
  }

  @Test
  void emptyAndScalarShapes() {
    assertEquals(0, RandomOps.normal(new int[] {0, 3}, 0, 1, 1).size());
    assertEquals(1, RandomOps.normal(new int[0], 0, 1, 1).size());
  }

  /** Mean and population standard deviation, in double. */
  static double[] moments(Tensor t) {
    float[] v = t.toFloatArray();
    double s = 0;
    for (float x : v) {
      s += x;
    }
    double mean = s / v.length;
    double ss = 0;
    for (float x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(ss / v.length)};
  }
}

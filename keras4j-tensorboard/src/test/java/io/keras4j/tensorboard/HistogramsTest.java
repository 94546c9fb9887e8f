package io.keras4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Buckets as TensorBoard's histogram summary makes them (tensorboard/plugins/histogram). */
class HistogramsTest {

  @Test
  void equalWidthBucketsTheLastOneClosed() {
    // min 0, max 4, width 1: 0 and 0.5 in [0,1), 1 in [1,2), 3 and 4 in [3,4]
    double[] rows = Histograms.buckets(new float[] {0f, 0.5f, 1f, 3f, 4f}, 4);
    assertArrayEquals(new double[] {0, 1, 2, 1, 2, 1, 2, 3, 0, 3, 4, 2}, rows);
  }

  @Test
  void thirtyBucketsAsNumpyCountsThem() {
    float[] v = new float[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 37 % 101) / 8f - (i % 5) * 1.25f;
    }
    double[] rows = Histograms.buckets(v, Histograms.DEFAULT_BUCKET_COUNT);
    // numpy: floor((v - min) / ((max - min) / 30)) clipped to 29, bincount; np.linspace edges
    double[] counts = {
      3, 3, 1, 5, 4, 4, 2, 4, 5, 4, 4, 4, 4, 5, 4, 4, 4, 4, 4, 4, 5, 4, 4, 1, 3, 2, 2, 0, 0, 3
    };
    assertEquals(90, rows.length);
    for (int i = 0; i < 30; i++) {
      assertEquals(counts[i], rows[3 * i + 2], "bucket " + i);
      if (i > 0) {
        assertEquals(rows[3 * i - 2], rows[3 * i], "edges meet at bucket " + i);
      }
    }
    assertEquals(-3.625, rows[0]);
    assertEquals(-3.0875, rows[1]);
    assertEquals(5.512499999999999, rows[3 * 17]);
    assertEquals(12.5, rows[89 - 1]);
  }

  @Test
  void equalValuesGiveOneBucketAroundThem() {
    assertArrayEquals(new double[] {1.5, 2.5, 3}, Histograms.buckets(new float[] {2f, 2f, 2f}, 30));
  }

  @Test
  void noValuesNoBuckets() {
    assertArrayEquals(new double[0], Histograms.buckets(new float[0], 30));
  }

  @Test
  void refusesNanAndABadBucketCount() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Histograms.buckets(new float[] {1f, Float.NaN}, 30));
    assertEquals("Histograms: the values contain NaN. Received: a NaN among 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Histograms.buckets(new float[1], 0));
    assertEquals(
        "Histograms: bucketCount must be positive. Received: bucketCount=0", e.getMessage());
  }
}

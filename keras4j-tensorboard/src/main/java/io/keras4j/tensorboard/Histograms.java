package io.keras4j.tensorboard;

/**
 * Histogram buckets as TensorBoard's {@code tf.summary.histogram} computes them: the values (as
 * float64) in {@code bucketCount} equal-width buckets between their minimum and maximum, the last
 * one closed; all values equal give one bucket {@code [v - 0.5, v + 0.5]}; no values give none.
 */
public final class Histograms {
  /** TensorBoard's default bucket count. */
  public static final int DEFAULT_BUCKET_COUNT = 30;

  private Histograms() {}

  /**
   * The buckets as rows of (left edge, right edge, count), flattened row-major ({@code [k, 3]}).
   */
  public static double[] buckets(float[] values, int bucketCount) {
    if (bucketCount < 1) {
      throw new IllegalArgumentException(
          "Histograms: bucketCount must be positive. Received: bucketCount=" + bucketCount);
    }
    if (values.length == 0) {
      return new double[0];
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      if (Float.isNaN(v)) {
        // TensorFlow's min/max propagate NaN; a NaN histogram is of no use and hides the cause.
        throw new IllegalArgumentException(
            "Histograms: the values contain NaN. Received: a NaN among " + values.length);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    if (range == 0) {
      return new double[] {min - 0.5, min + 0.5, values.length};
    }
    double width = range / bucketCount;
    double[] counts = new double[bucketCount];
    for (float v : values) {
      int index = (int) Math.floor((v - min) / width);
      counts[Math.min(index, bucketCount - 1)]++;
    }
    double[] rows = new double[bucketCount * 3];
    double step = range / bucketCount;
    for (int i = 0; i < bucketCount; i++) {
      rows[3 * i] = min + i * step;
      rows[3 * i + 1] = i == bucketCount - 1 ? max : min + (i + 1) * step;
      rows[3 * i + 2] = counts[i];
    }
    return rows;
  }
}

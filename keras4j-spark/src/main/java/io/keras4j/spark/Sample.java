package io.keras4j.spark;

import java.io.Serializable;

/**
 * One training sample: its features (flattened in row-major order to the model input's shape
 * without the batch axis) and its label (one value for a class index or a scalar target, several
 * for a one-hot or vector target).
 */
public record Sample(float[] features, float[] label) implements Serializable {
  public Sample {
    if (features == null || label == null) {
      throw new IllegalArgumentException(
          "Sample: features and label are required. Received: features="
              + (features == null ? "null" : features.length + " values")
              + ", label="
              + (label == null ? "null" : label.length + " values"));
    }
  }

  /** A sample with a single label value (a class index or a scalar target). */
  public static Sample of(float[] features, float label) {
    return new Sample(features, new float[] {label});
  }
}

package io.keras4j.metrics;

import io.keras4j.Shapes;

/**
 * The per-sample values of one batch: an array the metric owns and reuses from batch to batch (or
 * borrows read-only from a tensor a function returned), and its shape.
 */
final class Values {
  float[] data = new float[0];
  int[] shape = new int[0];
  private boolean owned = true;

  /** An array of the shape's size to write into, reused when the size is unchanged. */
  float[] alloc(int[] shape) {
    int n = (int) Shapes.size(shape);
    if (!owned || data.length != n) {
      data = new float[n];
      owned = true;
    }
    this.shape = shape;
    return data;
  }

  /** Uses {@code data} as is; it is only read. */
  void borrow(float[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
    owned = false;
  }
}

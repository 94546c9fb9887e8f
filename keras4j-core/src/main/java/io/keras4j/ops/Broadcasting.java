package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;

/** Numpy broadcasting of shapes, and its adjoint on gradients (summing back to a shape). */
final class Broadcasting {
  private Broadcasting() {}

  /** Strides of {@code shape} laid over {@code outShape}, 0 on broadcast axes. */
  static int[] broadcastStrides(int[] shape, int[] outShape) {
    int rank = outShape.length;
    int[] own = Shapes.strides(shape);
    int[] s = new int[rank];
    int off = rank - shape.length;
    for (int d = 0; d < rank; d++) {
      if (d >= off && shape[d - off] != 1) {
        s[d] = own[d - off];
      }
    }
    return s;
  }

  /** Sums a gradient of the broadcast shape back down to {@code shape}. */
  static Tensor sumToShape(Tensor g, int[] shape) {
    return Backend.current().math().sumToShape(g, shape);
  }
}

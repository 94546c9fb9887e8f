package io.keras4j.activations;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.ops.Ops;
import java.util.Arrays;

/** Activations that work along one axis: GLU and sparsemax (softmax lives in {@link Ops}). */
final class AxisActivations {
  private AxisActivations() {}

  /**
   * a * sigmoid(b), where a and b are the two halves of x along {@code axis}. The halves are taken
   * by reshaping the axis to (2, n/2) and summing against a one-hot mask, so the gradient flows
   * through existing ops.
   */
  static Tensor glu(Tensor x, int axis) {
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length);
    if (shape[ax] % 2 != 0) {
      throw new IllegalArgumentException(
          "axis size must be divisible by 2. Received: x.shape="
              + Shapes.toString(shape)
              + " with axis="
              + axis);
    }
    int[] split = new int[shape.length + 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i == ax) {
        split[j++] = 2;
        split[j++] = shape[i] / 2;
      } else {
        split[j++] = shape[i];
      }
    }
    Tensor pairs = Ops.reshape(x, split);
    Tensor a = half(pairs, ax, 0);
    Tensor b = half(pairs, ax, 1);
    return Ops.multiply(a, Ops.sigmoid(b));
  }

  private static Tensor half(Tensor pairs, int ax, int which) {
    int[] maskShape = new int[pairs.rank()];
    Arrays.fill(maskShape, 1);
    maskShape[ax] = 2;
    float[] m = new float[2];
    m[which] = 1f;
    Tensor picked = Ops.multiply(pairs, Tensor.of(m, maskShape));
    return Ops.sum(picked, new int[] {ax}, false);
  }

  /**
   * Sparsemax (Martins and Astudillo, 2016): max(x - tau, 0), with tau chosen per line so that the
   * output sums to 1. The support (the k largest values of each line) comes from the backend and is
   * held constant; tau = (sum of x over the support - 1) / k is then built from ops, which gives
   * the exact Jacobian: g - mean of g over the support, on the support, and 0 elsewhere.
   */
  static Tensor sparsemax(Tensor x, int axis) {
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length);
    Tensor support = Backend.current().nn().sparsemaxSupport(x, ax);
    int[] axes = {ax};
    Tensor k = Ops.sum(support, axes, true);
    Tensor tau =
        Ops.divide(Ops.add(Ops.sum(Ops.multiply(x, support), axes, true), Masks.scalar(-1)), k);
    return Ops.relu(Ops.subtract(x, tau));
  }
}

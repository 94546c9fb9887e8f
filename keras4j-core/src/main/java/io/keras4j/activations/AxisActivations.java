package io.keras4j.activations;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
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
    Tensor picked = Ops.multiply(pairs, Tensor.wrap(m, maskShape));
    return Ops.sum(picked, new int[] {ax}, false);
  }

  /**
   * Sparsemax (Martins and Astudillo, 2016): max(x - tau, 0), with tau chosen per line so that the
   * output sums to 1. The support (the k largest values of each line) is found in plain Java and
   * held constant; tau = (sum of x over the support - 1) / k is then built from ops, which gives
   * the exact Jacobian: g - mean of g over the support, on the support, and 0 elsewhere.
   */
  static Tensor sparsemax(Tensor x, int axis) {
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length);
    int n = shape[ax];
    int inner = 1;
    for (int i = ax + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    int outer = n == 0 ? 0 : (int) (x.size() / ((long) n * inner));
    float[] v = x.asFloat().floats();
    float[] mask = new float[v.length];
    double[] line = new double[n];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * n * inner + in;
        for (int j = 0; j < n; j++) {
          line[j] = v[base + j * inner];
        }
        double kth = supportThreshold(line);
        for (int j = 0; j < n; j++) {
          mask[base + j * inner] = v[base + j * inner] >= kth ? 1f : 0f;
        }
      }
    }
    Tensor support = Tensor.wrap(mask, shape);
    int[] axes = {ax};
    Tensor k = Ops.sum(support, axes, true);
    Tensor tau =
        Ops.divide(Ops.add(Ops.sum(Ops.multiply(x, support), axes, true), Masks.scalar(-1)), k);
    return Ops.relu(Ops.subtract(x, tau));
  }

  /**
   * The smallest value in the support of one line: with z sorted in decreasing order, the support
   * is the largest k with 1 + k z_k > z_1 + ... + z_k. Ties with z_k are always in the support too.
   */
  private static double supportThreshold(double[] values) {
    double[] z = values.clone();
    Arrays.sort(z);
    double cumsum = 0;
    double kth = z[z.length - 1];
    for (int k = 1; k <= z.length; k++) {
      double zk = z[z.length - k];
      cumsum += zk;
      if (1 + k * zk > cumsum) {
        kth = zk;
      }
    }
    return kth;
  }
}

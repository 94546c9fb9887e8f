package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;

/** The fused Dense op: product, bias and activation in one backend call and one tape record. */
final class LinearOps {
  private LinearOps() {}

  static Tensor linear(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation) {
    if (activation == null) {
      throw new IllegalArgumentException(
          "linear: activation must be one of "
              + java.util.Arrays.toString(FusedActivation.values())
              + ". Received: activation=null");
    }
    int[] sx = ShapeRefs.of(x);
    int[] sk = ShapeRefs.of(kernel);
    if (sk.length != 2 || sx.length == 0 || sx[sx.length - 1] != sk[0]) {
      throw new IllegalArgumentException(
          "linear: expected x of shape [..., k] and kernel of shape [k, n]. Received: x.shape="
              + Shapes.toString(sx)
              + ", kernel.shape="
              + Shapes.toString(sk));
    }
    if (bias != null && (bias.rank() != 1 || bias.dim(0) != sk[1])) {
      throw new IllegalArgumentException(
          "linear: expected bias of shape ["
              + sk[1]
              + "] (the kernel's columns). Received: bias.shape="
              + Shapes.toString(ShapeRefs.of(bias)));
    }
    Tensor y = Backend.current().array().linear(x, kernel, bias, activation);
    GradientTape.record(
        y,
        new Tensor[] {x, kernel, bias},
        g ->
            Backend.current()
                .array()
                .linearBackward(
                    x,
                    kernel,
                    y,
                    g,
                    activation,
                    GradientTape.needsGradient(0),
                    GradientTape.needsGradient(1),
                    bias != null && GradientTape.needsGradient(2)));
    return y;
  }
}

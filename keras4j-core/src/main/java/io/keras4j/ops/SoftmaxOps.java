package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.NnKernels;

/** Numerically stable softmax, log-softmax and logsumexp along one axis. */
final class SoftmaxOps {
  private SoftmaxOps() {}

  private static NnKernels nn() {
    return Backend.current().nn();
  }

  /** exp(x - max) / sum(exp(x - max)) along an axis. */
  static Tensor softmax(Tensor x, int axis) {
    int ax = Shapes.axis(axis, x.rank());
    Tensor y = nn().softmax(x, ax);
    GradientTape.record(y, new Tensor[] {x}, g -> new Tensor[] {nn().softmaxBackward(y, g, ax)});
    return y;
  }

  /** (x - max) - log(sum(exp(x - max))) along an axis. */
  static Tensor logSoftmax(Tensor x, int axis) {
    int ax = Shapes.axis(axis, x.rank());
    Tensor y = nn().logSoftmax(x, ax);
    GradientTape.record(y, new Tensor[] {x}, g -> new Tensor[] {nn().logSoftmaxBackward(y, g, ax)});
    return y;
  }

  /**
   * log(sum(exp(x))) over axes (all when null or empty), shifted by the maximum so it neither
   * overflows nor underflows. The gradient is the softmax over the reduced elements.
   */
  static Tensor logsumexp(Tensor x, int[] axes, boolean keepdims) {
    return Reductions.logsumexp(x, axes, keepdims);
  }
}

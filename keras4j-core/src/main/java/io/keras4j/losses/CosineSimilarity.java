package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Negative cosine similarity along an axis, as Keras's {@code CosineSimilarity(axis=-1)}: {@code
 * -sum(l2normalize(yTrue) * l2normalize(yPred), axis)}, where {@code l2normalize(x) = x *
 * rsqrt(max(sum(x^2, axis), eps^2))} ({@code eps = 1e-7}), so a zero vector gives 0. Values lie in
 * [-1, 1]; -1 is the best.
 */
public final class CosineSimilarity extends Loss {
  /** {@code eps^2} of Keras's {@code normalize}, computed in double, then float32. */
  private static final Tensor EPS_SQUARED = Tensor.scalar((float) (1e-7 * 1e-7));

  private int axis = -1;

  /** The loss named {@code "cosine_similarity"} along the last axis. */
  public CosineSimilarity() {
    super("cosine_similarity");
  }

  /** The axis along which the similarity is computed. */
  public CosineSimilarity axis(int axis) {
    this.axis = axis;
    return this;
  }

  public int axis() {
    return axis;
  }

  @Override
  public CosineSimilarity name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public CosineSimilarity reduction(String reduction) {
    super.reduction(reduction);
    return this;
  }

  @Override
  public Tensor compute(Tensor yTrue, Tensor yPred) {
    Tensor[] tp = LossReduction.targets(className(), yTrue, yPred);
    Arguments.axis(className(), axis, tp[0]);
    Arguments.axis(className(), axis, tp[1]);
    Tensor t = normalize(tp[0], axis);
    Tensor p = normalize(tp[1], axis);
    return Ops.negative(Ops.sum(Ops.multiply(t, p), axis));
  }

  private static Tensor normalize(Tensor x, int axis) {
    Tensor squareSum = Ops.sum(Ops.square(x), new int[] {axis}, true);
    return Ops.multiply(x, Ops.rsqrt(Ops.maximum(squareSum, EPS_SQUARED)));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }
}

package io.keras4j.activations;

import static io.keras4j.activations.Masks.scalar;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;

/**
 * The ReLU family and the other piecewise activations, composed from {@link Ops} so that their
 * gradients come for free. Formulas as in Keras 3's {@code keras/src/activations/activations.py}
 * and its numpy backend.
 */
final class PiecewiseActivations {
  private PiecewiseActivations() {}

  /**
   * Keras's general ReLU. {@code maxValue = +infinity} stands for Keras's {@code None} (no cap).
   * Follows Keras's {@code ReLU.static_call}: with a threshold, values at or below it become 0 (or
   * the leaky slope times the distance to it); values are then clipped to {@code [0, maxValue]}.
   */
  static Tensor relu(Tensor x, double negativeSlope, double maxValue, double threshold) {
    boolean capped = maxValue != Double.POSITIVE_INFINITY;
    if (negativeSlope != 0 && !capped && threshold == 0) {
      return Ops.leakyRelu(x, (float) negativeSlope);
    }
    Tensor negativePart = null;
    if (negativeSlope != 0) {
      Tensor shifted =
          threshold != 0 ? Ops.add(Ops.negative(x), scalar(threshold)) : Ops.negative(x);
      negativePart = Ops.relu(shifted);
    }
    Tensor y;
    if (threshold != 0) {
      y = Ops.multiply(x, Masks.above(x, threshold));
    } else if (maxValue == 6) {
      y = Ops.relu6(x);
      capped = false;
    } else {
      y = Ops.relu(x);
    }
    if (capped) {
      y = Ops.clip(y, 0f, (float) maxValue);
    }
    if (negativePart != null) {
      y = Ops.subtract(y, Ops.multiply(negativePart, scalar(negativeSlope)));
    }
    return y;
  }

  /** max(x, 0) + alpha * expm1(min(x, 0) / alpha). */
  static Tensor celu(Tensor x, double alpha) {
    Tensor negative = Ops.expm1(Ops.multiply(Ops.minimum(x, scalar(0)), scalar(1.0 / alpha)));
    return Ops.add(Ops.relu(x), Ops.multiply(negative, scalar(alpha)));
  }

  static Tensor hardTanh(Tensor x) {
    return Ops.clip(x, -1f, 1f);
  }

  /** x where |x| > threshold, else 0. */
  static Tensor hardShrink(Tensor x, double threshold) {
    return Ops.multiply(x, Masks.above(Ops.abs(x), threshold));
  }

  /** x - t above t, x + t below -t, else 0 (masks keep it exact for any sign of t). */
  static Tensor softShrink(Tensor x, double threshold) {
    Tensor above = Masks.above(x, threshold);
    Tensor below = Ops.logicalAnd(Ops.logicalNot(above), Masks.below(x, -threshold));
    return Ops.add(
        Ops.multiply(Ops.add(x, scalar(-threshold)), above),
        Ops.multiply(Ops.add(x, scalar(threshold)), below));
  }

  /** x where x > threshold, else defaultValue. */
  static Tensor threshold(Tensor x, double threshold, double defaultValue) {
    Tensor keep = Masks.above(x, threshold);
    Tensor replaced = Ops.multiply(Ops.logicalNot(keep), scalar(defaultValue));
    return Ops.add(Ops.multiply(x, keep), replaced);
  }

  /** 0 for x <= -1, (x + 1)^2 / 4 for -1 < x < 1, x for x >= 1. */
  static Tensor sparsePlus(Tensor x) {
    Tensor middle = Ops.logicalAnd(Masks.above(x, -1), Masks.below(x, 1));
    Tensor upper = Masks.atLeast(x, 1);
    Tensor quadratic = Ops.multiply(Ops.square(Ops.add(x, scalar(1))), scalar(0.25));
    return Ops.add(Ops.multiply(quadratic, middle), Ops.multiply(x, upper));
  }

  /** (x + 1) / 2 clipped to [0, 1]. */
  static Tensor sparseSigmoid(Tensor x) {
    return Ops.clip(Ops.multiply(Ops.add(x, scalar(1)), scalar(0.5)), 0f, 1f);
  }
}

package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertSame;
import static io.keras4j.losses.LossAsserts.assertScalar;
import static io.keras4j.losses.LossAsserts.assertValues;
import static io.keras4j.losses.LossAsserts.t;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import org.junit.jupiter.api.Test;

/**
 * Focal cross-entropies against numpy evaluations of Keras 3's formulas, in float64:
 *
 * <pre>
 * binary: t = t (1 - s) + 0.5 s; p = sigmoid(z) from logits; b = bce(t, clip(p, eps, hi))
 *         p_t = t p + (1 - t)(1 - p); f = (1 - p_t)^gamma b; balanced: f *= t alpha + (1 - t)(1 - alpha)
 *         mean(f, -1)
 * categorical: t = t (1 - s) + s / n; p = softmax(z) from logits; o = clip(p / sum(p), eps, hi)
 *         sum(alpha (1 - o)^gamma (-t log(o)), -1)
 * </pre>
 */
class FocalLossesTest {
  static final Tensor TB = t(new float[][] {{0, 1, 1}, {1, 0, 0}});
  static final Tensor PB = t(new float[][] {{0.2f, 0.7f, 0.9f}, {0.6f, 0.1f, 0.4f}});
  static final Tensor ZB = t(new float[][] {{-1.5f, 0.8f, 2.5f}, {0.3f, -2, -0.4f}});
  static final Tensor TC = t(new float[][] {{0, 1, 0}, {0, 0, 1}});
  static final Tensor PC = t(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
  static final Tensor ZC = t(new float[][] {{1, 3, -1}, {0.5f, 0.2f, 2}});
  static final int[] TWO = {2};

  @Test
  void binaryFocal() {
    assertValues(new BinaryFocalCrossentropy().compute(TB, PB), TWO, 0.014026697, 0.054839268);
    assertValues(
        new BinaryFocalCrossentropy().applyClassBalancing(true).compute(TB, PB),
        TWO,
        0.004994298,
        0.027507435);
    assertValues(
        new BinaryFocalCrossentropy().applyClassBalancing(true).alpha(0.4).gamma(3).compute(TB, PB),
        TWO,
        0.001655108,
        0.010918685);
    assertScalar(new BinaryFocalCrossentropy().call(TB, PB), (0.014026697 + 0.054839268) / 2);
  }

  @Test
  void binaryFocalWithLogitsAndSmoothing() {
    assertValues(
        new BinaryFocalCrossentropy().fromLogits(true).labelSmoothing(0.1).compute(TB, ZB),
        TWO,
        0.020012173,
        0.067493081);
    assertSame(
        new BinaryFocalCrossentropy().fromLogits(true).compute(TB, ZB),
        new BinaryFocalCrossentropy().compute(TB, Ops.sigmoid(ZB)));
  }

  @Test
  void gammaZeroIsTheCrossentropy() {
    assertValues(
        new BinaryFocalCrossentropy().gamma(0).compute(TB, PB), TWO, 0.228393004, 0.375670588);
    assertValues(
        new CategoricalFocalCrossentropy().gamma(0).alpha(1).compute(TC, PC),
        TWO,
        0.051293294,
        2.302585093);
  }

  @Test
  void categoricalFocal() {
    assertValues(
        new CategoricalFocalCrossentropy().compute(TC, PC), TWO, 3.205830899e-05, 4.662734813e-01);
    assertValues(
        new CategoricalFocalCrossentropy().alpha(0.5).gamma(1).compute(TC, PC),
        TWO,
        0.001282332,
        1.036163292);
    assertValues(
        new CategoricalFocalCrossentropy().fromLogits(true).labelSmoothing(0.2).compute(TC, ZC),
        TWO,
        0.09525056,
        0.054554883);
    assertSame(
        new CategoricalFocalCrossentropy().fromLogits(true).compute(TC, ZC),
        new CategoricalFocalCrossentropy().compute(TC, Ops.softmax(ZC)));
  }
}

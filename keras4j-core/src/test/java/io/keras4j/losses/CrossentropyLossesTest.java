package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertSame;
import static io.keras4j.losses.LossAsserts.assertScalar;
import static io.keras4j.losses.LossAsserts.assertValues;
import static io.keras4j.losses.LossAsserts.t;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import org.junit.jupiter.api.Test;

/**
 * Binary and categorical cross-entropies against numpy evaluations of Keras 3's formulas, in
 * float64, with {@code eps = 1e-7} and {@code hi = float32(1 - 1e-7)}:
 *
 * <pre>
 * bce(t, p)        = -(t log(clip(p, eps, hi)) + (1 - t) log(1 - clip(p, eps, hi)))
 * bce_logits(t, z) = max(z, 0) - z t + log1p(exp(-|z|))
 * cce(t, p)        = -sum(t * log(clip(p / sum(p), eps, hi)))
 * cce_logits(t, z) = -sum(t * (z - logsumexp(z)))
 * smoothing: binary t (1 - s) + 0.5 s; categorical t (1 - s) + s / numClasses
 * </pre>
 */
class CrossentropyLossesTest {
  static final Tensor TB = t(new float[][] {{0, 1, 1}, {1, 0, 0}});
  static final Tensor PB = t(new float[][] {{0.2f, 0.7f, 0.9f}, {0.6f, 0.1f, 0.4f}});
  static final Tensor ZB = t(new float[][] {{-1.5f, 0.8f, 2.5f}, {0.3f, -2, -0.4f}});
  static final Tensor TC = t(new float[][] {{0, 1, 0}, {0, 0, 1}});
  static final Tensor PC = t(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
  static final Tensor ZC = t(new float[][] {{1, 3, -1}, {0.5f, 0.2f, 2}});
  static final int[] TWO = {2};

  @Test
  void binary() {
    assertValues(new BinaryCrossentropy().compute(TB, PB), TWO, 0.228393004, 0.375670588);
    assertScalar(new BinaryCrossentropy().call(TB, PB), (0.228393004 + 0.375670588) / 2);
    assertValues(
        new BinaryCrossentropy().axis(0).compute(TB, PB),
        new int[] {3},
        0.366984588,
        0.23101773,
        0.30809307);
    // Probabilities 0 and 1 are clipped: mean(-log(1e-7), -log(1 - hi)) = 16.030240402.
    Tensor clipped =
        new BinaryCrossentropy().compute(t(new float[][] {{1, 0}}), t(new float[][] {{0, 1}}));
    assertValues(clipped, new int[] {1}, 16.030240402);
  }

  @Test
  void binaryLabelSmoothingAndLogits() {
    assertValues(
        new BinaryCrossentropy().labelSmoothing(0.2).compute(TB, PB),
        TWO,
        0.376086897,
        0.475942414);
    assertValues(
        new BinaryCrossentropy().fromLogits(true).compute(TB, ZB), TWO, 0.217134559, 0.398099503);
    assertValues(
        new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.2).compute(TB, ZB),
        TWO,
        0.377134559,
        0.488099503);
    // From logits agrees with the probabilities of the sigmoid.
    assertSame(
        new BinaryCrossentropy().fromLogits(true).compute(TB, ZB),
        new BinaryCrossentropy().compute(TB, Ops.sigmoid(ZB)));
    // Stable for large logits: -log(sigmoid(-200)) = 200 for target 1 (no clipping from logits).
    assertValues(
        new BinaryCrossentropy()
            .fromLogits(true)
            .compute(t(new float[][] {{1}}), t(new float[][] {{-200}})),
        new int[] {1},
        200);
  }

  @Test
  void binaryTargetsAsIntegersAndRankOne() {
    Tensor ints = Tensor.ofInts(new int[][] {{0, 1, 1}, {1, 0, 0}});
    assertSame(
        new BinaryCrossentropy().compute(TB, PB), new BinaryCrossentropy().compute(ints, PB));
    // yTrue (2,) and yPred (2, 1), as a one-unit sigmoid model gives: one value per sample.
    Tensor y = Tensor.of(1, 0);
    Tensor p = Tensor.of(new float[] {0.8f, 0.3f}, 2, 1);
    assertValues(new BinaryCrossentropy().compute(y, p), TWO, -Math.log(0.8), -Math.log(0.7));
  }

  @Test
  void categorical() {
    assertValues(new CategoricalCrossentropy().compute(TC, PC), TWO, 0.051293294, 2.302585093);
    // Predictions are renormalized over the class axis first.
    Tensor unnormalized = t(new float[][] {{0.1f, 1.9f, 0}, {0.2f, 1.6f, 0.2f}});
    assertValues(
        new CategoricalCrossentropy().compute(TC, unnormalized), TWO, 0.051293294, 2.302585093);
    assertValues(
        new CategoricalCrossentropy().labelSmoothing(0.3).compute(TC, PC),
        TWO,
        1.952417428,
        2.094640939);
    assertScalar(new CategoricalCrossentropy().reduction("sum").call(TC, PC), 2.353878387);
  }

  @Test
  void categoricalFromLogits() {
    CategoricalCrossentropy cce = new CategoricalCrossentropy().fromLogits(true);
    assertValues(cce.compute(TC, ZC), TWO, 0.142931628, 0.328172927);
    assertValues(cce.labelSmoothing(0.3).compute(TC, ZC), TWO, 0.742931628, 0.658172927);
    assertSame(
        new CategoricalCrossentropy().fromLogits(true).compute(TC, ZC),
        new CategoricalCrossentropy().compute(TC, Ops.softmax(ZC)));
  }

  @Test
  void categoricalOnAnotherAxis() {
    // Logits (2, 3, 2) with the classes on axis 1 (numpy: np.random.RandomState(0).randn(2, 3, 2)
    // rounded to 2 decimals); labels [[0, 2], [1, 1]] one-hot on axis 1.
    Tensor z =
        Tensor.of(
            new float[] {
              1.76f, 0.4f, 0.98f, 2.24f, 1.87f, -0.98f, 0.95f, -0.15f, -0.1f, 0.41f, 0.14f, 1.45f
            },
            2,
            3,
            2);
    Tensor labels = Tensor.ofInts(new int[] {0, 2, 1, 1}, 2, 2);
    Tensor oneHot = Ops.transpose(Ops.oneHot(labels, 3), 0, 2, 1);
    double[] expected = {0.94572684, 3.401298104, 1.634891264, 1.481701372};
    assertValues(
        new CategoricalCrossentropy().fromLogits(true).axis(1).compute(oneHot, z),
        new int[] {2, 2},
        expected);
    assertValues(
        new SparseCategoricalCrossentropy().fromLogits(true).axis(1).compute(labels, z),
        new int[] {2, 2},
        expected);
    // Labels with a size-1 axis in the class axis's place are squeezed there.
    assertValues(
        new SparseCategoricalCrossentropy()
            .fromLogits(true)
            .axis(1)
            .compute(Ops.reshape(labels, 2, 1, 2), z),
        new int[] {2, 2},
        expected);
  }

  @Test
  void sparseCategorical() {
    Tensor labels = Tensor.ofInts(new int[] {1, 2}, 2);
    assertValues(
        new SparseCategoricalCrossentropy().compute(labels, PC), TWO, 0.051293294, 2.302585093);
    assertValues(
        new SparseCategoricalCrossentropy().fromLogits(true).compute(labels, ZC),
        TWO,
        0.142931628,
        0.328172927);
    // Float labels and labels of shape (2, 1) are accepted.
    assertValues(
        new SparseCategoricalCrossentropy().compute(Tensor.of(new float[] {1, 2}, 2, 1), PC),
        TWO,
        0.051293294,
        2.302585093);
    assertScalar(
        new SparseCategoricalCrossentropy().call(labels, PC), (0.051293294 + 2.302585093) / 2);
    // Agrees with the dense loss on one-hot targets.
    assertSame(
        new CategoricalCrossentropy().fromLogits(true).compute(TC, ZC),
        new SparseCategoricalCrossentropy().fromLogits(true).compute(labels, ZC));
  }

  /**
   * Labels [1, -1, 2, 0] with ignoreClass -1; the ignored row holds zeros (it gives 0, not NaN).
   * numpy: values [0.510825624, 0, 0.510825624, 0.356674944]; "sum_over_batch_size" divides by the
   * 3 valid samples; with weights sw = [1, 2, 0.5, 3]: sum(v * sw) / 3 = 0.612087756 and for
   * "mean_with_sample_weight" sum(v * sw) / sum(sw * valid) = 0.408058504.
   */
  @Test
  void ignoreClass() {
    Tensor p =
        t(new float[][] {{0.1f, 0.6f, 0.3f}, {0, 0, 0}, {0.2f, 0.2f, 0.6f}, {0.7f, 0.2f, 0.1f}});
    Tensor labels = Tensor.ofInts(new int[] {1, -1, 2, 0}, 4);
    SparseCategoricalCrossentropy loss = new SparseCategoricalCrossentropy().ignoreClass(-1);
    int[] four = {4};
    assertValues(loss.compute(labels, p), four, 0.510825624, 0, 0.510825624, 0.356674944);
    assertScalar(loss.call(labels, p), 0.459442064);
    assertScalar(loss.reduction("sum").call(labels, p), 1.378326191);
    assertValues(
        loss.reduction("none").call(labels, p), four, 0.510825624, 0, 0.510825624, 0.356674944);
    assertScalar(loss.reduction("mean_with_sample_weight").call(labels, p), 0.459442064);
    Tensor sw = Tensor.of(1, 2, 0.5f, 3);
    assertScalar(loss.reduction("sum_over_batch_size").call(labels, p, sw), 0.612087756);
    assertScalar(loss.reduction("mean_with_sample_weight").call(labels, p, sw), 0.408058504);
    // An ignored class inside the range (here 0) is masked too.
    Tensor p2 = t(new float[][] {{0.1f, 0.6f, 0.3f}, {0.7f, 0.2f, 0.1f}});
    assertScalar(
        new SparseCategoricalCrossentropy()
            .ignoreClass(0)
            .call(Tensor.ofInts(new int[] {1, 0}, 2), p2),
        -Math.log(0.6));
    // Nothing ignored: the plain loss.
    assertScalar(
        new SparseCategoricalCrossentropy()
            .ignoreClass(7)
            .call(Tensor.ofInts(new int[] {1, 2}, 2), PC),
        (0.051293294 + 2.302585093) / 2);
  }

  /** A mask given with the call is combined with the ignoreClass mask (AND). */
  @Test
  void ignoreClassWithCallMask() {
    Tensor p =
        t(new float[][] {{0.1f, 0.6f, 0.3f}, {0, 0, 0}, {0.2f, 0.2f, 0.6f}, {0.7f, 0.2f, 0.1f}});
    Tensor labels = Tensor.ofInts(new int[] {1, -1, 2, 0}, 4);
    Tensor mask = Tensor.of(1, 1, 0, 1);
    // Valid: rows 0 and 3: (0.510825624 + 0.356674944) / 2.
    assertScalar(
        new SparseCategoricalCrossentropy().ignoreClass(-1).call(labels, p, null, mask),
        0.433750284);
  }
}

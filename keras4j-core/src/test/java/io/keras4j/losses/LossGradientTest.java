package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.t;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of every loss's gradient with respect to {@code yPred}, unreduced and
 * reduced with sample weights and masks. Inputs stay away from kinks (zero errors, hinge margins of
 * 0, Huber's delta, clip bounds, ties of max) by more than the step.
 */
class LossGradientTest {
  static final Tensor T = t(new float[][] {{1, 2, 3}, {0.5f, -1, 2}});
  static final Tensor P = t(new float[][] {{1.5f, 1, 3.5f}, {0, -2.5f, 2.2f}});
  static final Tensor POSITIVE_T = t(new float[][] {{1, 2, 0.3f}, {0.5f, 3, 1.2f}});
  static final Tensor POSITIVE_P = t(new float[][] {{1.5f, 1, 0.2f}, {0.9f, 3.5f, 2}});
  static final Tensor BINARY = t(new float[][] {{0, 1, 1}, {1, 0, 0}});
  static final Tensor PROBS = t(new float[][] {{0.2f, 0.7f, 0.9f}, {0.6f, 0.1f, 0.4f}});
  static final Tensor LOGITS = t(new float[][] {{-1.5f, 0.8f, 2.5f}, {0.3f, -2, -0.4f}});
  static final Tensor ONE_HOT = t(new float[][] {{0, 1, 0}, {0, 0, 1}});
  static final Tensor SOFT = t(new float[][] {{0.1f, 0.7f, 0.2f}, {0.3f, 0.3f, 0.4f}});
  static final Tensor CLASS_PROBS = t(new float[][] {{0.2f, 0.5f, 0.3f}, {0.1f, 0.6f, 0.3f}});

  /** Checks the unreduced values and the default reduction with sample weights. */
  static void check(Loss loss, Tensor yTrue, Tensor yPred) {
    assertDoesNotThrow(
        () -> GradientCheck.withDelta(1e-3).verify(xs -> loss.compute(yTrue, xs.get(0)), yPred),
        loss.name() + ": gradient of the unreduced values");
    // One weight per value: 0.5, 2, 0.5, ...
    float[] w = new float[(int) loss.compute(yTrue, yPred).size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 2 == 0 ? 0.5f : 2f;
    }
    Tensor weights = Tensor.of(w, loss.compute(yTrue, yPred).shape());
    assertDoesNotThrow(
        () ->
            GradientCheck.withDelta(1e-3).verify(xs -> loss.call(yTrue, xs.get(0), weights), yPred),
        loss.name() + ": gradient of the weighted, reduced loss");
  }

  @Test
  void regression() {
    check(new MeanSquaredError(), T, P);
    check(new MeanAbsoluteError(), T, P);
    check(new MeanAbsolutePercentageError(), T, P);
    check(new MeanSquaredLogarithmicError(), POSITIVE_T, POSITIVE_P);
    check(new Huber().delta(0.8), T, P);
    check(new Huber(), T, t(new float[][] {{1.2f, 3.5f, 2.4f}, {0.1f, 0.8f, 2.5f}}));
    check(new LogCosh(), T, P);
    check(new CosineSimilarity(), T, P);
    check(new CosineSimilarity().axis(0), T, P);
  }

  @Test
  void probabilistic() {
    check(new KLDivergence(), SOFT, CLASS_PROBS);
    check(new Poisson(), POSITIVE_T, POSITIVE_P);
  }

  @Test
  void hinges() {
    check(new Hinge(), BINARY, t(new float[][] {{0.3f, 0.8f, -0.4f}, {1.6f, -0.7f, 0.2f}}));
    check(new SquaredHinge(), BINARY, t(new float[][] {{0.3f, 0.8f, -0.4f}, {1.6f, -0.7f, 0.2f}}));
    check(
        new CategoricalHinge(), ONE_HOT, t(new float[][] {{0.3f, 0.5f, 0.1f}, {0.6f, 0.1f, 0.3f}}));
  }

  @Test
  void binaryCrossentropies() {
    check(new BinaryCrossentropy(), BINARY, PROBS);
    check(new BinaryCrossentropy().labelSmoothing(0.2), BINARY, PROBS);
    check(new BinaryCrossentropy().fromLogits(true), BINARY, LOGITS);
    check(new BinaryCrossentropy().axis(0), BINARY, PROBS);
    check(new BinaryFocalCrossentropy(), BINARY, PROBS);
    check(new BinaryFocalCrossentropy().applyClassBalancing(true).gamma(3), BINARY, PROBS);
    check(new BinaryFocalCrossentropy().fromLogits(true).labelSmoothing(0.1), BINARY, LOGITS);
  }

  @Test
  void categoricalCrossentropies() {
    check(new CategoricalCrossentropy(), SOFT, CLASS_PROBS);
    check(new CategoricalCrossentropy().labelSmoothing(0.3), ONE_HOT, CLASS_PROBS);
    check(new CategoricalCrossentropy().fromLogits(true), SOFT, LOGITS);
    check(new CategoricalCrossentropy().fromLogits(true).axis(0), SOFT, LOGITS);
    check(new CategoricalFocalCrossentropy(), ONE_HOT, CLASS_PROBS);
    check(new CategoricalFocalCrossentropy().fromLogits(true).labelSmoothing(0.2), ONE_HOT, LOGITS);
  }

  @Test
  void sparseCategorical() {
    Tensor labels = Tensor.ofInts(new int[] {1, 2}, 2);
    check(new SparseCategoricalCrossentropy(), labels, CLASS_PROBS);
    check(new SparseCategoricalCrossentropy().fromLogits(true), labels, LOGITS);
    // The ignored sample gets no gradient; the others are averaged over the valid ones.
    Tensor withIgnored = Tensor.ofInts(new int[] {1, -1}, 2);
    check(new SparseCategoricalCrossentropy().ignoreClass(-1), withIgnored, CLASS_PROBS);
    check(
        new SparseCategoricalCrossentropy().fromLogits(true).ignoreClass(-1), withIgnored, LOGITS);
  }

  @Test
  void reductionsAndMasks() {
    Tensor mask = Tensor.of(1, 0);
    for (String reduction :
        new String[] {"sum_over_batch_size", "sum", "mean_with_sample_weight"}) {
      Loss loss = new MeanSquaredError().reduction(reduction);
      GradientCheck.check(xs -> loss.call(T, xs.get(0), Tensor.of(0.5f, 2), mask), P);
      GradientCheck.check(xs -> loss.call(T, xs.get(0), null, mask), P);
    }
  }
}

package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertError;
import static io.keras4j.losses.LossAsserts.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/** Bad arguments and inputs: each error names the loss, the argument, the expectation and value. */
class LossArgumentsTest {
  static final Tensor PROBS = t(new float[][] {{0.2f, 0.5f, 0.3f}, {0.1f, 0.6f, 0.3f}});

  @Test
  void options() {
    assertError(
        () -> new BinaryCrossentropy().labelSmoothing(1.5),
        "BinaryCrossentropy: labelSmoothing must be in [0, 1]. Received: labelSmoothing=1.5");
    assertError(
        () -> new CategoricalCrossentropy().labelSmoothing(-0.1),
        "CategoricalCrossentropy: labelSmoothing must be in [0, 1]. Received: labelSmoothing=-0.1");
    assertError(
        () -> new BinaryFocalCrossentropy().alpha(1.2),
        "BinaryFocalCrossentropy: alpha must be in [0, 1]. Received: alpha=1.2");
    assertError(
        () -> new BinaryFocalCrossentropy().gamma(-1),
        "BinaryFocalCrossentropy: gamma must be a finite number >= 0. Received: gamma=-1.0");
    assertError(
        () -> new CategoricalFocalCrossentropy().gamma(Double.NaN),
        "CategoricalFocalCrossentropy: gamma must be a finite number >= 0. Received: gamma=NaN");
    assertError(
        () -> new CategoricalFocalCrossentropy().alpha(Double.POSITIVE_INFINITY),
        "CategoricalFocalCrossentropy: alpha must be a finite number. Received: alpha=Infinity");
    assertError(
        () -> new Huber().delta(-0.5),
        "Huber: delta must be a finite number >= 0. Received: delta=-0.5");
    assertError(
        () -> new Poisson().reduction("avg"),
        "Poisson: reduction must be one of",
        "Received: reduction=avg");
  }

  @Test
  void axisOutOfRange() {
    assertError(
        () -> new CategoricalCrossentropy().axis(2).compute(PROBS, PROBS),
        "CategoricalCrossentropy: axis 2 is out of range for yPred of rank 2",
        "yPred.shape=(2, 3)");
    assertError(
        () -> new CosineSimilarity().axis(-3).compute(PROBS, PROBS),
        "CosineSimilarity: axis -3 is out of range");
  }

  @Test
  void crossentropyShapes() {
    assertError(
        () -> new BinaryCrossentropy().compute(t(new float[][] {{1, 0}}), PROBS),
        "BinaryCrossentropy: yTrue and yPred must have the same shape",
        "yTrue.shape=(1, 2)",
        "yPred.shape=(2, 3)");
    assertError(
        () -> new CategoricalCrossentropy().compute(Tensor.scalar(1), Tensor.scalar(1)),
        "CategoricalCrossentropy: yPred must have at least one axis");
  }

  @Test
  void sparseLabelsOutOfRange() {
    assertError(
        () -> new SparseCategoricalCrossentropy().call(Tensor.ofInts(new int[] {1, 3}, 2), PROBS),
        "SparseCategoricalCrossentropy: label 3 is out of range: expected 0 <= label < 3",
        "Received: yTrue[1]=3");
    assertError(
        () -> new SparseCategoricalCrossentropy().call(Tensor.of(-1, 0), PROBS),
        "SparseCategoricalCrossentropy: label -1 is out of range",
        "Received: yTrue[0]=-1");
    // With an ignoreClass, the message says so; the ignored label itself is fine.
    assertError(
        () ->
            new SparseCategoricalCrossentropy()
                .ignoreClass(255)
                .call(Tensor.ofInts(new int[] {255, 4}, 2), PROBS),
        "label 4 is out of range",
        "or the ignoreClass 255",
        "Received: yTrue[1]=4");
    assertError(
        () -> new SparseCategoricalCrossentropy().call(Tensor.of(0.5f, 1), PROBS),
        "SparseCategoricalCrossentropy: labels must be integers. Received: yTrue[0]=0.5");
  }

  @Test
  void sparseLabelShapes() {
    assertError(
        () ->
            new SparseCategoricalCrossentropy().call(Tensor.ofInts(new int[] {0, 1, 2}, 3), PROBS),
        "SparseCategoricalCrossentropy: yTrue must hold one label per sample",
        "(2,)",
        "yTrue.shape=(3,)",
        "yPred.shape=(2, 3)");
    // One-hot targets given to the sparse loss: a clear error rather than a silent misread.
    assertError(
        () -> new SparseCategoricalCrossentropy().call(PROBS, PROBS),
        "SparseCategoricalCrossentropy: yTrue must hold one label per sample");
  }

  @Test
  void optionsAreKept() {
    BinaryFocalCrossentropy loss =
        new BinaryFocalCrossentropy().alpha(0.1).gamma(0.5).applyClassBalancing(true).axis(0);
    assertEquals(0.1, loss.alpha());
    assertEquals(0.5, loss.gamma());
    assertEquals(0, loss.axis());
    assertEquals("x", new SquaredHinge().name("x").reduction("sum").name());
  }
}

package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertError;
import static io.keras4j.losses.LossAsserts.assertScalar;
import static io.keras4j.losses.LossAsserts.assertValues;
import static io.keras4j.losses.LossAsserts.t;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Sample weights, masks and reductions, as Keras 3's {@code reduce_weighted_values} and {@code
 * apply_mask} compute them, on mean squared errors. Expected values in numpy:
 *
 * <pre>
 * T = [[1, 2], [0, -1], [3, 0.5]]; P = [[1.5, 1], [0.5, 0], [2, 2.5]]
 * v = ((T - P)**2).mean(-1)                        # [0.625, 0.625, 2.5]
 * sw = [1, 0.5, 2]; m = [1, 0, 1]
 * sum_over_batch_size: sum(v * w) / v.size          # w: sw, and m * total / valid for a mask
 * mean_with_sample_weight: sum(v * w) / sum(w)      # w: sw * m (not rescaled)
 * </pre>
 */
class ReductionTest {
  static final Tensor T = t(new float[][] {{1, 2}, {0, -1}, {3, 0.5f}});
  static final Tensor P = t(new float[][] {{1.5f, 1}, {0.5f, 0}, {2, 2.5f}});
  static final Tensor SW = Tensor.of(1, 0.5f, 2);
  static final Tensor MASK = Tensor.of(1, 0, 1);
  static final int[] THREE = {3};

  static MeanSquaredError mse(String reduction) {
    return new MeanSquaredError().reduction(reduction);
  }

  @Test
  void reductions() {
    assertScalar(new MeanSquaredError().call(T, P), 1.25);
    assertScalar(mse("mean").call(T, P), 1.25);
    assertScalar(mse("sum").call(T, P), 3.75);
    assertScalar(mse("mean_with_sample_weight").call(T, P), 1.25);
    assertValues(mse("none").call(T, P), THREE, 0.625, 0.625, 2.5);
    assertValues(mse(null).call(T, P), THREE, 0.625, 0.625, 2.5);
  }

  @Test
  void sampleWeights() {
    assertScalar(mse("sum_over_batch_size").call(T, P, SW), 1.979166667);
    assertScalar(mse("mean_with_sample_weight").call(T, P, SW), 1.696428571);
    assertScalar(mse("sum").call(T, P, SW), 5.9375);
    assertValues(mse("none").call(T, P, SW), THREE, 0.625, 0.3125, 5);
    // Weights of shape (3, 1) are squeezed to the values' rank.
    assertScalar(
        mse("sum_over_batch_size").call(T, P, Tensor.of(new float[] {1, 0.5f, 2}, 3, 1)),
        1.979166667);
    // A scalar weight scales everything: 2 * 1.25.
    assertScalar(new MeanSquaredError().call(T, P, Tensor.scalar(2)), 2.5);
    // Integer weights are accepted.
    assertScalar(new MeanSquaredError().call(T, P, Tensor.ofInts(new int[] {1, 0, 2}, 3)), 1.875);
    // All-zero weights give 0 for "mean_with_sample_weight" (divide-no-nan), not NaN.
    assertScalar(mse("mean_with_sample_weight").call(T, P, Tensor.zeros(3)), 0);
  }

  @Test
  void masks() {
    assertScalar(new MeanSquaredError().call(T, P, null, MASK), 1.5625);
    assertScalar(mse("mean").call(T, P, null, MASK), 1.5625);
    assertScalar(mse("sum").call(T, P, null, MASK), 3.125);
    assertScalar(mse("mean_with_sample_weight").call(T, P, null, MASK), 1.5625);
    assertValues(mse("none").call(T, P, null, MASK), THREE, 0.625, 0, 2.5);
    // Everything masked: 0, not NaN.
    assertScalar(new MeanSquaredError().call(T, P, null, Tensor.zeros(3)), 0);
  }

  @Test
  void masksWithSampleWeights() {
    assertScalar(new MeanSquaredError().call(T, P, SW, MASK), 2.8125);
    assertScalar(mse("mean_with_sample_weight").call(T, P, SW, MASK), 1.875);
    assertScalar(mse("sum").call(T, P, SW, MASK), 5.625);
  }

  /**
   * Per-timestep values (2, 3) from (2, 3, 2) sequences. numpy: v3 = [[0.5, 0.5, 0.625], [0.5, 1,
   * 2.5]]; weights of matching rank sw3 = [[1, 2, 0], [0.5, 1, 1]]: sum(v3 sw3) / 6 = 0.875, / sum
   * = 0.954545455; per-sample weights [[2], [0.5]]: 0.875 and 2.1; mask m3 = [[1, 1, 0], [1, 0,
   * 0]]: 0.5; mask and per-sample weights: sum(v3 w m3 * 2) / 6 = 0.75, sum(v3 w m3) / sum(w m3) =
   * 0.5.
   */
  @Test
  void sequences() {
    Tensor t3 = Tensor.of(new float[] {1, 2, 0, 1, 2, 2, 0.5f, 0.5f, 1, -1, 0, 0}, 2, 3, 2);
    Tensor p3 = Tensor.of(new float[] {0, 2, 1, 1, 2.5f, 1, 0.5f, 1.5f, 0, 0, 2, 1}, 2, 3, 2);
    Tensor sw3 = t(new float[][] {{1, 2, 0}, {0.5f, 1, 1}});
    Tensor perSample = Tensor.of(new float[] {2, 0.5f}, 2, 1);
    Tensor m3 = t(new float[][] {{1, 1, 0}, {1, 0, 0}});
    assertValues(
        new MeanSquaredError().compute(t3, p3), new int[] {2, 3}, 0.5, 0.5, 0.625, 0.5, 1, 2.5);
    assertScalar(new MeanSquaredError().call(t3, p3, sw3), 0.875);
    assertScalar(mse("mean_with_sample_weight").call(t3, p3, sw3), 0.954545455);
    assertScalar(new MeanSquaredError().call(t3, p3, perSample), 0.875);
    assertScalar(mse("mean_with_sample_weight").call(t3, p3, perSample), 2.1);
    assertScalar(new MeanSquaredError().call(t3, p3, null, m3), 0.5);
    assertScalar(new MeanSquaredError().call(t3, p3, perSample, m3), 0.75);
    assertScalar(mse("mean_with_sample_weight").call(t3, p3, perSample, m3), 0.5);
    // Weights (2,) against values (2, 3) do not broadcast (as in Keras 3): a clear error.
    assertError(
        () -> new MeanSquaredError().call(t3, p3, Tensor.of(2, 0.5f)),
        "MeanSquaredError",
        "values.shape=(2, 3)",
        "sampleWeight.shape=(2,)");
  }

  @Test
  void unreducibleShapesAreReturnedAsIs() {
    // A scalar value (rank-1 targets reduce to rank 0) is not reduced further, as in Keras.
    Tensor scalar = mse("sum").call(Tensor.of(1, 2), Tensor.of(2, 4));
    assertScalar(scalar, 2.5);
    // An empty batch gives an empty vector.
    Tensor empty = new MeanSquaredError().call(Tensor.zeros(0, 2), Tensor.zeros(0, 2));
    assertArrayEquals(new int[] {0}, empty.shape());
  }

  @Test
  void badArguments() {
    assertError(
        () -> new MeanSquaredError().reduction("sum_over_batch"),
        "MeanSquaredError: reduction must be one of",
        "Did you mean 'sum_over_batch_size'?",
        "Received: reduction=sum_over_batch");
    assertError(() -> new MeanSquaredError().call(null, P), "MeanSquaredError", "yTrue=null");
    assertError(
        () -> new MeanSquaredError().call(T, Tensor.zeros(3, 3)),
        "MeanSquaredError: yTrue and yPred must have shapes that broadcast together",
        "yTrue.shape=(3, 2)",
        "yPred.shape=(3, 3)");
    assertError(
        () -> new MeanSquaredError().call(T, P, null, Tensor.ones(2)), "MeanSquaredError", "mask");
  }
}

package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertScalar;
import static io.keras4j.losses.LossAsserts.assertValues;
import static io.keras4j.losses.LossAsserts.t;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Regression losses against numpy evaluations of Keras 3's formulas (keras/src/losses/losses.py),
 * in float64, with {@code eps = 1e-7}:
 *
 * <pre>
 * T = [[1, 2, 3], [0.5, -1, 2]]; P = [[1.5, 1, 3.5], [0, -2.5, 2.2]]
 * mse  = np.mean((T - P)**2, -1)
 * mae  = np.mean(np.abs(T - P), -1)
 * mape = 100 * np.mean(np.abs((T - P) / np.maximum(np.abs(T), eps)), -1)
 * huber(d) = np.mean(np.where(|e| <= d, 0.5 e^2, d |e| - 0.5 d^2), -1), e = P - T
 * logcosh  = np.mean(np.log(np.cosh(P - T)), -1)
 * cos(ax)  = -sum(t / sqrt(max(sum(t^2, ax), 1e-14)) * p / sqrt(max(sum(p^2, ax), 1e-14)), ax)
 * </pre>
 */
class RegressionLossesTest {
  static final Tensor T = t(new float[][] {{1, 2, 3}, {0.5f, -1, 2}});
  static final Tensor P = t(new float[][] {{1.5f, 1, 3.5f}, {0, -2.5f, 2.2f}});
  static final int[] TWO = {2};

  @Test
  void meanSquaredError() {
    assertValues(new MeanSquaredError().compute(T, P), TWO, 0.5, 0.846666667);
    assertScalar(new MeanSquaredError().call(T, P), (0.5 + 0.846666667) / 2);
    assertValues(Losses.meanSquaredError(T, P), TWO, 0.5, 0.846666667);
  }

  @Test
  void meanAbsoluteError() {
    assertValues(new MeanAbsoluteError().compute(T, P), TWO, 0.666666667, 0.733333333);
    assertScalar(new MeanAbsoluteError().call(T, P), 0.7);
  }

  @Test
  void meanAbsolutePercentageError() {
    assertValues(new MeanAbsolutePercentageError().compute(T, P), TWO, 38.888888889, 86.666666667);
    // A zero target divides by eps = 1e-7: |0 - 0.5| / 1e-7 = 5e6 (numpy: [2.50000025e8, 25]).
    Tensor tz = t(new float[][] {{0, 2}, {1, 0}});
    Tensor pz = t(new float[][] {{0.5f, 1}, {1.5f, 0}});
    assertValues(new MeanAbsolutePercentageError().compute(tz, pz), TWO, 2.50000025e8, 25.0);
  }

  @Test
  void meanSquaredLogarithmicError() {
    // np.mean((np.log1p(np.maximum(P, eps)) - np.log1p(np.maximum(T, eps)))**2, -1):
    // negative values are clipped to eps first.
    Tensor tp = t(new float[][] {{1, 2, 0}, {0.5f, 3, -1}});
    Tensor pp = t(new float[][] {{1.5f, 1, 0.2f}, {-0.5f, 3.5f, 2}});
    assertValues(new MeanSquaredLogarithmicError().compute(tp, pp), TWO, 0.082478704, 0.461741152);
  }

  @Test
  void huber() {
    assertValues(new Huber().compute(T, P), TWO, 0.25, 0.381666667);
    assertValues(new Huber().delta(0.6).compute(T, P), TWO, 0.223333333, 0.288333333);
    assertValues(Losses.huber(T, P, 0.6), TWO, 0.223333333, 0.288333333);
  }

  @Test
  void logCosh() {
    assertValues(new LogCosh().compute(T, P), TWO, 0.224669948, 0.331807583);
    // Stable for large errors where cosh overflows float32: |x| - log(2) (numpy: 79.306852819).
    Tensor big = new LogCosh().compute(t(new float[][] {{0, 100}}), t(new float[][] {{60, 0}}));
    assertValues(big, new int[] {1}, 79.306852819);
  }

  @Test
  void cosineSimilarity() {
    assertValues(new CosineSimilarity().compute(T, P), TWO, -0.950381927, -0.904281541);
    assertValues(
        new CosineSimilarity().axis(0).compute(T, P),
        new int[] {3},
        -0.894427191,
        -0.747409319,
        -0.999639851);
    // A zero vector normalizes to zero (its squared norm is clamped to 1e-14): similarity 0.
    Tensor tc = t(new float[][] {{0, 0, 0}, {1, 2, 2}});
    Tensor pc = t(new float[][] {{1, 2, 3}, {2, 4, 4}});
    assertValues(new CosineSimilarity().compute(tc, pc), TWO, 0, -1);
    assertValues(Losses.cosineSimilarity(tc, pc, -1), TWO, 0, -1);
  }

  @Test
  void klDivergence() {
    // t = clip(T, eps, 1), p = clip(P, eps, 1); sum(t * log(t / p), -1): the zero target
    // contributes eps * log(eps / 0.25).
    Tensor tk = t(new float[][] {{0.2f, 0.3f, 0.5f}, {0, 0.6f, 0.4f}});
    Tensor pk = t(new float[][] {{0.1f, 0.6f, 0.3f}, {0.25f, 0.25f, 0.5f}});
    assertValues(new KLDivergence().compute(tk, pk), TWO, 0.186098094, 0.436022349);
  }

  @Test
  void poisson() {
    // np.mean(P - T * np.log(P + eps), -1)
    Tensor tq = t(new float[][] {{1, 0, 3}, {2, 1, 0}});
    Tensor pq = t(new float[][] {{0.5f, 0.2f, 2}, {1, 1.5f, 0.1f}});
    assertValues(new Poisson().compute(tq, pq), TWO, 0.437901763, 0.731511542);
  }

  @Test
  void integerTargetsAreConverted() {
    Tensor ti = Tensor.ofInts(new int[][] {{1, 2, 3}, {0, -1, 2}});
    Tensor tf = t(new float[][] {{1, 2, 3}, {0, -1, 2}});
    LossAsserts.assertSame(
        new MeanSquaredError().compute(tf, P), new MeanSquaredError().compute(ti, P));
    LossAsserts.assertSame(new Huber().call(tf, P), new Huber().call(ti, P));
  }

  @Test
  void ranksAreAligned() {
    // yTrue (3,) against yPred (3, 1): yTrue gets a trailing axis, one value per sample.
    Tensor yTrue = Tensor.of(1, 2, 3);
    Tensor yPred = Tensor.of(new float[] {1.5f, 2, 1}, 3, 1);
    assertValues(new MeanSquaredError().compute(yTrue, yPred), new int[] {3}, 0.25, 0, 4);
    // yTrue (3, 1) against yPred (3,): yPred gets it.
    assertValues(
        new MeanAbsoluteError()
            .compute(Tensor.of(new float[] {1, 2, 3}, 3, 1), Tensor.of(1.5f, 2, 1)),
        new int[] {3},
        0.5,
        0,
        2);
  }
}

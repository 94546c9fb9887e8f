package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertScalar;
import static io.keras4j.losses.LossAsserts.assertValues;
import static io.keras4j.losses.LossAsserts.t;

import io.keras4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Hinge losses against numpy evaluations of Keras 3's formulas:
 *
 * <pre>
 * P = [[0.3, 0.8, -0.4], [1.6, -0.7, 0.2]]
 * hinge    = np.mean(np.maximum(1 - t * P, 0), -1)       (t = 2 T - 1 when T is all 0/1)
 * squared  = np.mean(np.maximum(1 - t * P, 0)**2, -1)
 * categorical: pos = sum(T * P, -1); neg = max((1 - T) * P, -1); np.maximum(neg - pos + 1, 0)
 * </pre>
 */
class HingeLossesTest {
  static final Tensor P = t(new float[][] {{0.3f, 0.8f, -0.4f}, {1.6f, -0.7f, 0.2f}});
  static final int[] TWO = {2};

  @Test
  void hingeConvertsBinaryLabels() {
    Tensor binary = t(new float[][] {{0, 1, 1}, {1, 0, 0}});
    Tensor signed = t(new float[][] {{-1, 1, 1}, {1, -1, -1}});
    assertValues(new Hinge().compute(binary, P), TWO, 0.966666667, 0.5);
    assertValues(new Hinge().compute(signed, P), TWO, 0.966666667, 0.5);
    assertScalar(new Hinge().call(binary, P), (0.966666667 + 0.5) / 2);
    assertValues(
        Losses.hinge(Tensor.ofInts(new int[][] {{0, 1, 1}, {1, 0, 0}}), P), TWO, 0.966666667, 0.5);
  }

  @Test
  void hingeKeepsLabelsThatAreNotAllBinary() {
    // -1, 1 and 0 mixed: no conversion (numpy: [0.833333333, 0.666666667]).
    Tensor mixed = t(new float[][] {{-1, 1, 0}, {1, 0, 0}});
    assertValues(new Hinge().compute(mixed, P), TWO, 0.833333333, 0.666666667);
  }

  @Test
  void squaredHinge() {
    Tensor binary = t(new float[][] {{0, 1, 1}, {1, 0, 0}});
    assertValues(new SquaredHinge().compute(binary, P), TWO, 1.23, 0.51);
  }

  @Test
  void categoricalHinge() {
    Tensor oneHot = t(new float[][] {{0, 1, 0}, {0, 0, 1}});
    Tensor p = t(new float[][] {{0.3f, 0.5f, 0.2f}, {0.6f, 0.1f, 0.3f}});
    assertValues(new CategoricalHinge().compute(oneHot, p), TWO, 0.8, 1.3);
    assertScalar(new CategoricalHinge().reduction("sum").call(oneHot, p), 2.1);
  }
}

package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertScalar;
import static io.keras4j.losses.LossAsserts.assertValues;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Tensor;
import io.keras4j.testing.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dice and Tversky on Keras's docstring example (masks of shape (2, 2, 2, 1)). Expected values by
 * numpy from Keras 3's formulas ({@code eps = 1e-7}):
 *
 * <pre>
 * dice    = 1 - 2 sum(t p) / (sum(t) + sum(p) + eps)
 * tversky = 1 - i / (i + alpha fp + beta fn + eps), i = sum(p t), fp = sum((1 - t) p), fn = sum(t (1 - p))
 * </pre>
 *
 * Keras's docstring gives the same Dice values: [0.5, 0.75757575] per image and 0.6164384 overall.
 */
class OverlapLossesTest {
  static final Tensor T = Tensor.of(new float[] {1, 1, 0, 0, 1, 1, 0, 0}, 2, 2, 2, 1);
  static final Tensor P = Tensor.of(new float[] {0, 1, 0, 1, 0.4f, 0, 0, 0.9f}, 2, 2, 2, 1);

  @Test
  void dice() {
    assertValues(
        new Dice().axis(1, 2, 3).reduction(null).call(T, P), new int[] {2}, 0.5, 0.75757576);
    // Over all axes: one value for the batch, returned as is by the reduction.
    assertScalar(new Dice().call(T, P), 0.616438361);
    assertScalar(new Dice().axis(1, 2, 3).call(T, P), (0.5 + 0.75757576) / 2);
  }

  @Test
  void tversky() {
    assertValues(new Tversky().axis(1, 2, 3).compute(T, P), new int[] {2}, 0.5, 0.75757577);
    assertValues(
        new Tversky().alpha(0.3).beta(0.7).axis(1, 2, 3).compute(T, P),
        new int[] {2},
        0.5,
        0.77653633);
    assertScalar(new Tversky().alpha(0.3).beta(0.7).call(T, P), 0.630606870);
  }

  @Test
  void gradients() {
    Tensor p = Tensor.of(new float[] {0.2f, 0.7f, 0.1f, 0.6f, 0.4f, 0.3f, 0.2f, 0.9f}, 2, 2, 2, 1);
    GradientCheck.checkUnary(x -> new Dice().axis(1, 2, 3).compute(T, x), p);
    GradientCheck.checkUnary(x -> new Tversky().alpha(0.3).beta(0.7).call(T, x), p);
  }

  @Test
  void namesAndConfig() {
    assertEquals("dice", Losses.get("dice").name());
    assertEquals("tversky", Losses.get("Tversky").name());
    Loss back = Losses.deserialize(Losses.serialize(new Tversky().alpha(0.2).axis(1, 2)));
    assertEquals(List.of(1, 2), back.getConfig().get("axis"));
    assertEquals(0.2, ((Tversky) back).alpha());
    assertEquals(null, Losses.deserialize(Losses.serialize(new Dice())).getConfig().get("axis"));
  }
}

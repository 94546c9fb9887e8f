package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.saving.LayerRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationLayersTest {
  private static final Tensor X = Tensor.of(-2f, -0.5f, 0.5f, 1f, 3f, 8f);

  @Test
  void reluOptions() {
    assertValues(new float[] {0, 0, 0.5f, 1, 3, 8}, new ReLU().apply(X));
    assertValues(new float[] {0, 0, 0.5f, 1, 3, 6}, new ReLU().maxValue(6).apply(X));
    assertValues(
        new float[] {-0.2f, -0.05f, 0.5f, 1, 3, 8}, new ReLU().negativeSlope(0.1).apply(X));
    // x > threshold keeps x, else slope * (x - threshold).
    assertValues(
        new float[] {-0.3f, -0.15f, -0.05f, 0, 3, 8},
        new ReLU().threshold(1).negativeSlope(0.1).apply(X));
    assertValues(
        new float[] {-0.2f, -0.05f, 0.5f, 1, 2, 2},
        new ReLU().maxValue(2).negativeSlope(0.1).apply(X));
    LayerTestCase.of(new ReLU().maxValue(0.7).negativeSlope(0.2).threshold(0.05))
        .inputs(random(1, 3, 4))
        .tolerance(3e-2)
        .run();
  }

  @Test
  void reluRejectsNegativeOptions() {
    var e = assertThrows(IllegalArgumentException.class, () -> new ReLU().maxValue(-1));
    assertTrue(e.getMessage().contains("Received: max_value=-1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ReLU().negativeSlope(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new ReLU().threshold(-1));
    Map<String, Object> c = new ReLU().getConfig();
    assertTrue(c.containsKey("max_value") && c.get("max_value") == null);
  }

  @Test
  void leakyReluDefaultsToKerasSlopeAndReadsKeras2Alpha() {
    assertValues(new float[] {-0.6f, -0.15f, 0.5f, 1, 3, 8}, new LeakyReLU().apply(X));
    LayerTestCase.of(new LeakyReLU().negativeSlope(0.2)).inputs(random(2, 2, 5)).run();
    LeakyReLU old =
        (LeakyReLU)
            LayerRegistry.create(
                "LeakyReLU", new java.util.HashMap<>(Map.of("name", "lr", "alpha", 0.1)));
    assertEquals(0.1, old.negativeSlope());
    assertThrows(IllegalArgumentException.class, () -> new LeakyReLU().negativeSlope(-1));
  }

  @Test
  void thresholdedReluKeepsXAboveThetaOnly() {
    // Keras 2: x * cast(x > theta); at x == theta the output is 0 (ReLU(threshold) gives theta).
    assertValues(new float[] {0, 0, 0, 0, 3, 8}, new ThresholdedReLU().apply(X)); // theta 1.0
    assertValues(new float[] {0, 0, 0, 1, 3, 8}, new ThresholdedReLU(0.5).apply(X));
    assertValues(new float[] {0, 0, 0.5f, 1, 3, 8}, new ThresholdedReLU(0).apply(X));
    Tensor away = Tensor.of(new float[] {-1.2f, 0.2f, 0.3f, 0.8f, 1.5f, -0.4f}, 1, 2, 3);
    LayerTestCase.of(new ThresholdedReLU(0.5)).inputs(away).run(); // config and gradients
    ThresholdedReLU read =
        (ThresholdedReLU)
            LayerRegistry.create(
                "ThresholdedReLU", new java.util.HashMap<>(Map.of("name", "t", "theta", 0.9)));
    assertEquals(0.9, read.theta());
    assertEquals(0.9, read.getConfig().get("theta"));
    assertEquals(1.0, new ThresholdedReLU().theta());
    var e = assertThrows(IllegalArgumentException.class, () -> new ThresholdedReLU(-0.1));
    assertTrue(e.getMessage().endsWith("Received: theta=-0.1"), e.getMessage());
  }

  @Test
  void eluUsesAlphaBelowZero() {
    Tensor y = new ELU().alpha(0.5).apply(Tensor.of(-1f, 0f, 2f));
    assertValues(new float[] {(float) (0.5 * Math.expm1(-1)), 0, 2}, y);
    LayerTestCase.of(new ELU()).inputs(random(3, 2, 5)).run();
    assertEquals(
        0.5,
        ELU.fromConfig(new io.keras4j.saving.Config("ELU", new ELU().alpha(0.5).getConfig()))
            .alpha());
  }

  @Test
  void preluLearnsOneAlphaPerPositionOrPerSharedAxes() {
    PReLU p = new PReLU().sharedAxes(1, 2);
    Tensor x = Tensor.of(new float[] {-1, 2, -3, 4, -5, 6, -7, 8}, 1, 2, 2, 2);
    p.build(-1, 2, 2, 2);
    assertArrayEquals(new int[] {1, 1, 2}, p.alpha().shape());
    p.setWeights(List.of(Tensor.of(new float[] {0.1f, 0.5f}, 1, 1, 2)));
    // Channel 0 holds -1, -3, -5, -7 (alpha 0.1); channel 1 holds 2, 4, 6, 8.
    assertValues(new float[] {-0.1f, 2, -0.3f, 4, -0.5f, 6, -0.7f, 8}, p.apply(x));
    // Zeros by default: a plain relu until trained.
    assertValues(
        new float[] {0, 0, 0.5f, 1, 3, 8}, new PReLU().apply(Tensor.of(X.toFloatArray(), 1, 6)));
    // The non-shared axes are fixed by the build.
    assertThrows(IllegalArgumentException.class, () -> p.apply(Tensor.zeros(1, 3, 3, 3)));
    PReLU full = new PReLU().alphaInitializer("ones");
    Tensor y = LayerTestCase.of(full).inputs(random(4, 2, 3, 2)).run();
    assertEquals(6, full.countParams());
    assertEquals(List.of(1, 2), p.getConfig().get("shared_axes"));
    assertEquals(y.size(), 12);
  }

  @Test
  void softmaxOverAnAxisAndSeveralAxes() {
    Tensor x = Tensor.of(new float[] {0, (float) Math.log(3), 1, 1}, 2, 2);
    assertValues(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, new Softmax().apply(x));
    assertValues(
        new float[] {0.2f, 0.5f, 0.8f, 0.5f},
        new Softmax().axis(0).apply(Tensor.of(new float[] {0, 0, (float) Math.log(4), 0}, 2, 2)));
    Tensor all = new Softmax().axis(1, 2).apply(Tensor.zeros(1, 2, 2));
    assertValues(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, all);
    LayerTestCase.of(new Softmax()).inputs(random(5, 2, 4)).run();
    LayerTestCase.of(new Softmax().axis(1, 2)).inputs(random(6, 2, 2, 3)).run();
    assertEquals(List.of(1, 2), new Softmax().axis(1, 2).getConfig().get("axis"));
    assertEquals(-1, new Softmax().getConfig().get("axis"));
  }

  @Test
  void softmaxGivesMaskedPositionsZero() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 5, 1, 1}, 2, 3);
    Tensor mask = Tensor.of(new float[] {1, 1, 0, 0, 0, 0}, 2, 3);
    Tensor y = new Softmax().callEager(List.of(x), CallContext.of(false, List.of(mask))).get(0);
    double e = Math.exp(1);
    // Row 0: softmax over the first two only; row 1 fully masked: zeros, not uniform.
    assertValues(new float[] {(float) (1 / (1 + e)), (float) (e / (1 + e)), 0, 0, 0, 0}, y);
    // A mask of shape (batch, 1, keys) broadcasts over the queries, as attention scores.
    Tensor scores = Tensor.zeros(1, 2, 3);
    Tensor keys = Tensor.of(new float[] {1, 1, 0}, 1, 1, 3);
    Tensor a =
        new Softmax().callEager(List.of(scores), CallContext.of(false, List.of(keys))).get(0);
    assertValues(new float[] {0.5f, 0.5f, 0, 0.5f, 0.5f, 0}, a);
    var bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Softmax()
                    .callEager(List.of(x), CallContext.of(false, List.of(Tensor.ones(2, 4)))));
    assertTrue(bad.getMessage().contains("mask.shape=(2, 4)"), bad.getMessage());
    assertTrue(Arrays.equals(new int[] {2, 3}, y.shape()));
  }
}

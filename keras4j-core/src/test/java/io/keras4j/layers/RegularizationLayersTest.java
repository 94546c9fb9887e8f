package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizationLayersTest {
  private static final Tensor ONES = Tensor.ones(200, 50);

  @Test
  void dropoutIsTheIdentityAtInference() {
    Dropout d = new Dropout(0.5);
    Tensor x = random(1, 3, 4);
    assertSame(x, d.apply(x));
    assertSame(x, d.apply(x, false));
    LayerTestCase.of(new Dropout(0.3).seed(1)).inputs(random(2, 2, 5)).run();
  }

  @Test
  void dropoutKeepsAboutOneMinusRateAndScalesThem() {
    float[] y = new Dropout(0.3).seed(7).apply(ONES, true).toFloatArray();
    int kept = 0;
    for (float v : y) {
      if (v != 0) {
        assertEquals(1 / 0.7f, v, 1e-6f);
        kept++;
      }
    }
    // 10,000 draws: the kept fraction is 0.7 within ~5 standard deviations (0.0046 each).
    assertEquals(0.7, kept / (double) y.length, 0.025);
  }

  @Test
  void dropoutMasksRepeatWithTheSameSeed() {
    float[] a = new Dropout(0.5).seed(42).apply(ONES, true).toFloatArray();
    float[] b = new Dropout(0.5).seed(42).apply(ONES, true).toFloatArray();
    assertArrayEquals(a, b);
    Dropout d = new Dropout(0.5).seed(42);
    d.apply(ONES, true);
    // The next call of the same layer draws a new mask.
    assertFalse(java.util.Arrays.equals(a, d.apply(ONES, true).toFloatArray()));
    // Without a layer seed, the global seed makes runs repeatable.
    Keras.setRandomSeed(3);
    float[] g1 = new Dropout(0.5).apply(ONES, true).toFloatArray();
    Keras.setRandomSeed(3);
    float[] g2 = new Dropout(0.5).apply(ONES, true).toFloatArray();
    assertArrayEquals(g1, g2);
  }

  @Test
  void dropoutNoiseShapeSharesTheMask() {
    // (batch, 1, features): the same features dropped at every timestep.
    Tensor y = new Dropout(0.5).noiseShape(-1, 1, -1).seed(5).apply(Tensor.ones(4, 6, 8), true);
    for (int b = 0; b < 4; b++) {
      for (int f = 0; f < 8; f++) {
        for (int t = 1; t < 6; t++) {
          assertEquals(y.getFloat(b, 0, f), y.getFloat(b, t, f));
        }
      }
    }
    assertEquals(
        java.util.Arrays.asList(null, 1, null),
        new Dropout(0.5).noiseShape(-1, 1, -1).getConfig().get("noise_shape"));
  }

  @Test
  void dropoutGradientIsTheMask() {
    Dropout d = new Dropout(0.5).seed(11);
    Tensor x = random(3, 4, 5);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor y = d.apply(x, true);
      Tensor g = tape.gradient(Ops.sum(y), List.of(x)).get(0);
      float[] yv = y.toFloatArray();
      float[] xv = x.toFloatArray();
      float[] gv = g.toFloatArray();
      for (int i = 0; i < gv.length; i++) {
        assertEquals(yv[i] / xv[i], gv[i], 1e-5f);
      }
    }
  }

  @Test
  void dropoutValidatesItsArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
    assertTrue(e.getMessage().contains("Received: rate=1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new Dropout(0.5).noiseShape(2, 0));
    // Keras accepts rate=1: everything is dropped in training.
    assertEquals(0f, Ops.max(Ops.abs(new Dropout(1).apply(random(4, 2, 3), true))).item());
    Dropout built = new Dropout(0.5);
    built.apply(ONES);
    assertThrows(IllegalStateException.class, () -> built.seed(3));
  }

  @Test
  void gaussianNoiseAddsNoiseOnlyInTraining() {
    GaussianNoise g = new GaussianNoise(0.5).seed(1);
    Tensor zeros = Tensor.zeros(100, 100);
    assertSame(zeros, g.apply(zeros));
    float[] n = g.apply(zeros, true).toFloatArray();
    double[] ms = meanAndStd(n);
    assertEquals(0, ms[0], 0.02);
    assertEquals(0.5, ms[1], 0.02);
    LayerTestCase.of(new GaussianNoise(0.1)).inputs(random(2, 2, 3)).run();
    assertThrows(IllegalArgumentException.class, () -> new GaussianNoise(2));
  }

  @Test
  void gaussianDropoutMultipliesByNoiseAroundOne() {
    GaussianDropout g = new GaussianDropout(0.2).seed(2);
    Tensor ones = Tensor.ones(100, 100);
    assertSame(ones, g.apply(ones));
    double[] ms = meanAndStd(g.apply(ones, true).toFloatArray());
    assertEquals(1, ms[0], 0.02);
    assertEquals(Math.sqrt(0.2 / 0.8), ms[1], 0.02);
    LayerTestCase.of(new GaussianDropout(0.4)).inputs(random(3, 2, 3)).run();
    assertThrows(IllegalArgumentException.class, () -> new GaussianDropout(-1));
  }

  @Test
  void activityRegularizationAddsItsPenaltyAtEveryCall() {
    ActivityRegularization a = new ActivityRegularization().l1(0.1).l2(0.01);
    Tensor x = Tensor.of(new float[][] {{1, -2}, {3, 0}});
    assertTrue(a.losses().isEmpty());
    assertSame(x, a.apply(x));
    // As Keras 3: the penalty is recorded in inference too, (0.1 * 6 + 0.01 * 14) / batch 2,
    // and a new outermost call replaces the losses of the previous one.
    assertEquals(1, a.losses().size());
    a.apply(x, true);
    assertEquals(1, a.losses().size());
    assertEquals((0.6 + 0.14) / 2, a.losses().get(0).item(), 1e-6);
    assertEquals(0.1, a.getConfig().get("l1"));
    assertFalse(a.getConfig().containsKey("activity_regularizer"));
    LayerTestCase.of(new ActivityRegularization().l2(0.5)).inputs(random(4, 2, 3)).run();
    var e = assertThrows(IllegalArgumentException.class, () -> new ActivityRegularization().l1(-1));
    assertTrue(e.getMessage().contains("Received: l1=-1.0"), e.getMessage());
  }

  private static double[] meanAndStd(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    double mean = s / v.length;
    double q = 0;
    for (float f : v) {
      q += (f - mean) * (f - mean);
    }
    return new double[] {mean, Math.sqrt(q / v.length)};
  }
}

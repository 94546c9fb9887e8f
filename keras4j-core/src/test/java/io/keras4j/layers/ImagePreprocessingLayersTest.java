package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;

/** Rescaling and RandomFlip against Keras's formulas, their configs and their errors. */
class ImagePreprocessingLayersTest {

  @Test
  void rescalingScalesThenOffsets() {
    Tensor x = Tensor.of(new float[] {0, 127.5f, 255, 51}, 1, 2, 2, 1);
    assertArrayEquals(
        new float[] {0, 0.5f, 1, 0.2f}, new Rescaling(1.0 / 255).apply(x).toFloatArray(), 1e-7f);
    assertArrayEquals(
        new float[] {-1, 0, 1, -0.6f},
        new Rescaling(1.0 / 127.5).offset(-1).apply(x).toFloatArray(),
        1e-6f);
    Tensor ints = Tensor.ofInts(new int[] {2, 4}, 2);
    assertArrayEquals(new float[] {1, 2}, new Rescaling(0.5).apply(ints).toFloatArray());
    LayerTestCase.of(new Rescaling(0.25).offset(3))
        .inputs(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3))
        .expectedOutputShape(2, 3)
        .run();
    var e = assertThrows(IllegalArgumentException.class, () -> new Rescaling(Double.NaN));
    assertTrue(e.getMessage().contains("Received: scale=NaN"), e.getMessage());
  }

  /** A batch of 64 images 2 x 3 x 1 whose pixels are all different. */
  private static Tensor images() {
    float[] v = new float[64 * 6];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(v, 64, 2, 3, 1);
  }

  @Test
  void randomFlipFlipsWholeImagesHalfTheTimeInTrainingOnly() {
    Tensor x = images();
    RandomFlip h = new RandomFlip("horizontal").seed(3);
    assertSame(x, h.apply(x, false));
    float[] y = h.apply(x, true).toFloatArray();
    int flipped = 0;
    for (int n = 0; n < 64; n++) {
      float[] img = new float[6];
      System.arraycopy(y, n * 6, img, 0, 6);
      float b = n * 6;
      float[] same = {b, b + 1, b + 2, b + 3, b + 4, b + 5};
      float[] mirrored = {b + 2, b + 1, b, b + 5, b + 4, b + 3}; // columns reversed in each row
      if (java.util.Arrays.equals(img, mirrored)) {
        flipped++;
      } else {
        assertArrayEquals(same, img, "image " + n + " is either flipped whole or left as is");
      }
    }
    assertTrue(flipped > 16 && flipped < 48, "flipped " + flipped + " of 64");
    assertArrayEquals(
        y, new RandomFlip("horizontal").seed(3).apply(x, true).toFloatArray(), "same seed");

    float[] v = new RandomFlip("vertical").seed(5).apply(x, true).toFloatArray();
    int rowsSwapped = 0;
    for (int n = 0; n < 64; n++) {
      float b = n * 6;
      if (v[n * 6] == b + 3) { // the second row came first
        rowsSwapped++;
        assertArrayEquals(
            new float[] {b + 3, b + 4, b + 5, b, b + 1, b + 2},
            java.util.Arrays.copyOfRange(v, n * 6, n * 6 + 6));
      }
    }
    assertTrue(rowsSwapped > 16 && rowsSwapped < 48, "flipped " + rowsSwapped + " of 64");

    Tensor one = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 1);
    assertArrayEquals(new int[] {2, 3, 1}, new RandomFlip().seed(1).apply(one, true).shape());
  }

  @Test
  void randomFlipConfigAndErrors() {
    var e = assertThrows(IllegalArgumentException.class, () -> new RandomFlip("diagonal"));
    assertTrue(e.getMessage().contains("Received: mode=diagonal"), e.getMessage());
    var model =
        new Sequential(
            new RandomFlip("horizontal").seed(9).inputShape(4, 4, 3),
            new Rescaling(1.0 / 255).offset(0.5));
    var back = Models.modelFromJson(model.toJson());
    RandomFlip f = (RandomFlip) back.layers().get(0);
    assertEquals("horizontal", f.mode());
    Rescaling r = (Rescaling) back.layers().get(1);
    assertEquals(1.0 / 255, r.scale(), 1e-15);
    assertEquals(0.5, r.offset());
    var bad =
        assertThrows(
            IllegalArgumentException.class, () -> new RandomFlip().apply(Tensor.zeros(4, 4), true));
    assertTrue(bad.getMessage().contains("Received: shape=(4, 4)"), bad.getMessage());
  }

  @Test
  void randomContrastScalesEachImageAboutItsChannelMeans() {
    // 8 images 2 x 2 x 2, values well inside [0, 255] so that nothing is clipped
    float[] v = new float[8 * 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + (i * 7) % 40;
    }
    Tensor x = Tensor.of(v, 8, 2, 2, 2);
    RandomContrast rc = new RandomContrast(0.5).seed(11);
    assertSame(x, rc.apply(x, false));
    float[] y = rc.apply(x, true).toFloatArray();
    java.util.Set<Float> factors = new java.util.HashSet<>();
    for (int n = 0; n < 8; n++) {
      double f = Double.NaN;
      for (int c = 0; c < 2; c++) {
        double mean = 0;
        for (int p = 0; p < 4; p++) {
          mean += v[n * 8 + p * 2 + c] / 4.0;
        }
        for (int p = 0; p < 4; p++) {
          int i = n * 8 + p * 2 + c;
          double d = v[i] - mean;
          if (Math.abs(d) > 1) {
            double fi = (y[i] - mean) / d;
            if (Double.isNaN(f)) {
              f = fi;
            }
            assertEquals(f, fi, 1e-3, "one factor per image, image " + n);
          }
        }
      }
      assertTrue(f >= 0.5 - 1e-3 && f <= 1.5 + 1e-3, "factor " + f);
      factors.add((float) f);
    }
    assertTrue(factors.size() > 4, "different images draw different factors: " + factors);
    assertArrayEquals(y, new RandomContrast(0.5).seed(11).apply(x, true).toFloatArray());

    Tensor bright = Tensor.of(new float[] {0, 255, 0, 255}, 1, 2, 2, 1);
    float[] clipped = new RandomContrast(0, 1).seed(3).apply(bright, true).toFloatArray();
    for (float c : clipped) {
      assertTrue(c >= 0 && c <= 255, "clipped to the value range: " + c);
    }
    var back =
        (RandomContrast)
            Models.modelFromJson(
                    new Sequential(new RandomContrast(0.2, 0.3).seed(4).inputShape(4, 4, 3))
                        .toJson())
                .layers()
                .get(0);
    assertEquals(java.util.List.of(0.2, 0.3), back.getConfig().get("factor"));
    var e = assertThrows(IllegalArgumentException.class, () -> new RandomContrast(-0.1));
    assertTrue(e.getMessage().contains("Received: factor=-0.1"), e.getMessage());
  }

  @Test
  void randomBrightnessShiftsEachImageByOneDelta() {
    float[] v = new float[16 * 12];
    for (int i = 0; i < v.length; i++) {
      v[i] = 60 + (i * 13) % 120; // 60..179: a shift of up to 51 is never clipped
    }
    Tensor x = Tensor.of(v, 16, 2, 2, 3);
    RandomBrightness rb = new RandomBrightness(0.2).seed(5);
    assertSame(x, rb.apply(x, false));
    float[] y = rb.apply(x, true).toFloatArray();
    java.util.Set<Float> shifts = new java.util.HashSet<>();
    for (int n = 0; n < 16; n++) {
      float d = y[n * 12] - v[n * 12];
      for (int i = 1; i < 12; i++) {
        assertEquals(d, y[n * 12 + i] - v[n * 12 + i], 1e-4, "one delta per image " + n);
      }
      assertTrue(Math.abs(d) <= 0.2 * 255 + 1e-3, "delta " + d);
      shifts.add(d);
    }
    assertTrue(shifts.size() > 8, "different images, different deltas: " + shifts);
    float[] up = new RandomBrightness(0.9, 1).seed(2).apply(x, true).toFloatArray();
    for (float u : up) {
      assertEquals(255f, u, "shifted past the top of the range and clipped");
    }
    var back =
        (RandomBrightness)
            Models.modelFromJson(
                    new Sequential(new RandomBrightness(-0.1, 0.3).inputShape(4, 4, 3)).toJson())
                .layers()
                .get(0);
    assertEquals(java.util.List.of(-0.1, 0.3), back.getConfig().get("factor"));
    var e = assertThrows(IllegalArgumentException.class, () -> new RandomBrightness(1.5));
    assertTrue(e.getMessage().contains("Received: factor=1.5"), e.getMessage());
  }
}

package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.ops.Ops;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.GradientCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * RandomRotation, RandomZoom, RandomTranslation and RandomShear with their random factor pinned,
 * against images computed here by index arithmetic (an exact quarter turn, a 2x zoom of a linear
 * image, a shift by whole pixels, a shear by one pixel a row); seeded runs repeat; the identity at
 * inference; configs (ours and Keras's keys) and errors that name the layer, the argument and the
 * value; gradients in training by finite differences.
 */
class GeometricAugmentationLayersTest {

  /** (n, h, w, c) with value {@code 100 n + 10 y + x + 0.25 c}: every pixel different. */
  static Tensor indexed(int n, int h, int w, int c) {
    float[] v = new float[n * h * w * c];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int k = 0; k < c; k++) {
            v[i++] = 100 * b + 10 * y + x + 0.25f * k;
          }
        }
      }
    }
    return Tensor.of(v, n, h, w, c);
  }

  /** An image (n, h, w, c) whose output pixel (b, y, x, k) is {@code f(b, y, x, k)}. */
  interface Pixel {
    float at(int b, int y, int x, int k);
  }

  static float[] expected(int n, int h, int w, int c, Pixel f) {
    float[] v = new float[n * h * w * c];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int k = 0; k < c; k++) {
            v[i++] = f.at(b, y, x, k);
          }
        }
      }
    }
    return v;
  }

  static float value(int b, int y, int x, int k) {
    return 100 * b + 10 * y + x + 0.25f * k;
  }

  @Test
  void aQuarterTurnIsNumpysRot90() {
    int n = 2;
    int s = 5;
    Tensor x = indexed(n, s, s, 2);
    // Counter-clockwise (positive): out[y][x] = in[x][s - 1 - y], as np.rot90(image, 1).
    float[] ccw = expected(n, s, s, 2, (b, y, xx, k) -> value(b, xx, s - 1 - y, k));
    float[] cw = expected(n, s, s, 2, (b, y, xx, k) -> value(b, s - 1 - xx, y, k));
    for (String interpolation : new String[] {"bilinear", "nearest"}) {
      assertArrayEquals(
          ccw,
          new RandomRotation(0.25, 0.25).interpolation(interpolation).apply(x, true).toFloatArray(),
          1e-4f);
      assertArrayEquals(
          cw, new RandomRotation(-0.25, -0.25).apply(x, true).toFloatArray(), 1e-4f, "clockwise");
    }
    // channels_first and one image give the same numbers
    Tensor cf = Ops.transpose(x, 0, 3, 1, 2);
    Tensor ycf = new RandomRotation(0.25, 0.25).dataFormat("channels_first").apply(cf, true);
    assertArrayEquals(ccw, Ops.transpose(ycf, 0, 2, 3, 1).toFloatArray(), 1e-4f);
    Tensor one =
        Ops.reshape(Ops.slice(x, new int[] {0, 0, 0, 0}, new int[] {1, -1, -1, -1}), s, s, 2);
    float[] y1 = new RandomRotation(0.25, 0.25).apply(one, true).toFloatArray();
    assertArrayEquals(java.util.Arrays.copyOf(ccw, s * s * 2), y1, 1e-4f);
  }

  @Test
  void zoomingInByTwoReadsTheCentreHalf() {
    // A linear image: bilinear interpolation reproduces it exactly at any point inside.
    int h = 7;
    int w = 9;
    Tensor x = indexed(2, h, w, 1);
    RandomZoom zoom = new RandomZoom(new double[] {-0.5, -0.5});
    // Zoom 0.5 about the centre: output (x, y) reads (0.5 x + (w - 1) / 4, 0.5 y + (h - 1) / 4).
    float[] want =
        expected(
            2,
            h,
            w,
            1,
            (b, y, xx, k) -> 100 * b + 10 * (0.5f * y + (h - 1) / 4f) + 0.5f * xx + (w - 1) / 4f);
    assertArrayEquals(want, zoom.apply(x, true).toFloatArray(), 1e-4f);
    // Height only: the width factor pinned at 0.
    RandomZoom tall = new RandomZoom(new double[] {-0.5, -0.5}, new double[] {0, 0});
    float[] wantTall =
        expected(2, h, w, 1, (b, y, xx, k) -> 100 * b + 10 * (0.5f * y + (h - 1) / 4f) + xx);
    assertArrayEquals(wantTall, tall.apply(x, true).toFloatArray(), 1e-4f);
    // Zooming out by 2 (factor 1) with a constant fill: pixels read from outside get the fill.
    RandomZoom out = new RandomZoom(new double[] {1, 1}).fillMode("constant").fillValue(-1);
    float[] wantOut =
        expected(
            2,
            h,
            w,
            1,
            (b, y, xx, k) -> {
              float sy = 2 * y - (h - 1) / 2f;
              float sx = 2 * xx - (w - 1) / 2f;
              return sy < 0 || sy > h - 1 || sx < 0 || sx > w - 1 ? -1 : 100 * b + 10 * sy + sx;
            });
    assertArrayEquals(wantOut, out.interpolation("nearest").apply(x, true).toFloatArray(), 1e-4f);
  }

  @Test
  void translationByWholePixels() {
    int h = 8;
    int w = 5;
    Tensor x = indexed(3, h, w, 2);
    // Down by 0.25 * 8 = 2 rows, left by 0.2 * 5 = 1 column.
    RandomTranslation t =
        new RandomTranslation(new double[] {0.25, 0.25}, new double[] {-0.2, -0.2})
            .fillMode("constant")
            .fillValue(7);
    float[] want =
        expected(
            3, h, w, 2, (b, y, xx, k) -> y - 2 < 0 || xx + 1 >= w ? 7 : value(b, y - 2, xx + 1, k));
    assertArrayEquals(want, t.apply(x, true).toFloatArray(), 1e-4f);
    RandomTranslation edge =
        new RandomTranslation(new double[] {0.25, 0.25}, new double[] {-0.2, -0.2})
            .fillMode("nearest");
    float[] wantEdge =
        expected(
            3, h, w, 2, (b, y, xx, k) -> value(b, Math.max(y - 2, 0), Math.min(xx + 1, w - 1), k));
    assertArrayEquals(wantEdge, edge.apply(x, true).toFloatArray(), 1e-4f);
    // The default fill mode, reflect: row -1 reads row 0, row -2 reads row 1.
    float[] wantReflect =
        expected(
            3,
            h,
            w,
            2,
            (b, y, xx, k) -> value(b, y - 2 < 0 ? 1 - y : y - 2, xx + 1 >= w ? w - 1 : xx + 1, k));
    RandomTranslation reflect =
        new RandomTranslation(new double[] {0.25, 0.25}, new double[] {-0.2, -0.2});
    assertEquals("reflect", reflect.fillMode());
    assertArrayEquals(wantReflect, reflect.apply(x, true).toFloatArray(), 1e-4f);
  }

  @Test
  void shearByOnePixelARowEitherWay() {
    int n = 32;
    int h = 4;
    int w = 6;
    Tensor x = indexed(n, h, w, 1);
    RandomShear shear =
        new RandomShear(new double[] {1, 1}, new double[] {0, 0}).fillMode("constant").seed(4);
    float[] y = shear.apply(x, true).toFloatArray();
    int plus = 0;
    int minus = 0;
    for (int b = 0; b < n; b++) {
      float[] img = java.util.Arrays.copyOfRange(y, b * h * w, (b + 1) * h * w);
      int bb = b;
      float[] p = expected(1, h, w, 1, (q, r, c, k) -> c + r >= w ? 0 : value(bb, r, c + r, 0));
      float[] m = expected(1, h, w, 1, (q, r, c, k) -> c - r < 0 ? 0 : value(bb, r, c - r, 0));
      if (close(p, img)) {
        plus++;
      } else {
        assertArrayEquals(m, img, 1e-4f, "image " + b + " is sheared by +1 or -1 pixel a row");
        minus++;
      }
    }
    assertTrue(plus > 4 && minus > 4, "signs " + plus + " / " + minus);
  }

  private static boolean close(float[] a, float[] b) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-4) {
        return false;
      }
    }
    return true;
  }

  private static List<Supplier<RandomAffineLayer<?>>> layers() {
    return List.of(
        () -> new RandomRotation(0.2),
        () -> new RandomZoom(0.3, 0.2),
        () -> new RandomTranslation(0.2, 0.3),
        () -> new RandomShear(0.3, 0.2));
  }

  @Test
  void seededRunsRepeatAndInferenceIsTheIdentity() {
    Tensor x = indexed(4, 6, 5, 3);
    for (Supplier<RandomAffineLayer<?>> make : layers()) {
      RandomAffineLayer<?> a = make.get().seed(11);
      RandomAffineLayer<?> b = make.get().seed(11);
      float[] first = a.apply(x, true).toFloatArray();
      assertArrayEquals(first, b.apply(x, true).toFloatArray(), a.getClass().getSimpleName());
      assertFalse(
          java.util.Arrays.equals(first, a.apply(x, true).toFloatArray()),
          "the next call draws new transforms");
      assertFalse(java.util.Arrays.equals(first, x.toFloatArray()), "training changes the images");
      assertSame(x, a.apply(x, false), "inference");
      Keras.setRandomSeed(5);
      float[] g1 = make.get().apply(x, true).toFloatArray();
      Keras.setRandomSeed(5);
      assertArrayEquals(g1, make.get().apply(x, true).toFloatArray(), "Keras.setRandomSeed");
    }
  }

  @Test
  void shapesConfigsAndInferenceGradients() {
    for (Supplier<RandomAffineLayer<?>> make : layers()) {
      LayerTestCase.of(make.get().fillMode("wrap").interpolation("nearest").fillValue(2))
          .inputs(LayerTestCase.random(3, 2, 5, 4, 3))
          .expectedOutputShape(2, 5, 4, 3)
          .run();
    }
  }

  @Test
  void trainingGradientsByFiniteDifferences() {
    GradientCheck.checkUnary(
        x -> new RandomRotation(0.25, 0.25).apply(x, true), LayerTestCase.random(5, 2, 4, 4, 2));
    GradientCheck.checkUnary(
        x -> new RandomZoom(new double[] {-0.3, -0.3}).apply(x, true),
        LayerTestCase.random(6, 2, 5, 4, 2));
    GradientCheck.checkUnary(
        x ->
            new RandomTranslation(new double[] {0.3, 0.3}, new double[] {0.1, 0.1})
                .dataFormat("channels_first")
                .apply(x, true),
        LayerTestCase.random(7, 2, 2, 5, 4));
  }

  @Test
  void kerasConfigsLoad() {
    Map<String, Object> rotation = kerasConfig("random_rotation");
    rotation.put("factor", List.of(-0.2, 0.3));
    rotation.put("fill_mode", "constant");
    rotation.put("fill_value", 1.5);
    rotation.put("interpolation", "nearest");
    RandomRotation r = (RandomRotation) LayerRegistry.create("RandomRotation", rotation);
    assertArrayEquals(new double[] {-0.2, 0.3}, r.factor());
    assertEquals("constant", r.fillMode());
    assertEquals("nearest", r.interpolation());

    Map<String, Object> zoom = kerasConfig("random_zoom");
    zoom.put("height_factor", 0.2);
    zoom.put("width_factor", null);
    assertEquals("random_zoom", LayerRegistry.create("RandomZoom", zoom).name());

    Map<String, Object> translation = kerasConfig("random_translation");
    translation.put("height_factor", List.of(-0.1, 0.2));
    translation.put("width_factor", 0.3);
    LayerRegistry.create("RandomTranslation", translation);

    Map<String, Object> shear = kerasConfig("random_shear");
    shear.put("x_factor", List.of(-0.3, 0.3));
    shear.put("y_factor", List.of(0.0, 0.0));
    RandomShear s = (RandomShear) LayerRegistry.create("RandomShear", shear);
    assertEquals(List.of(-0.3, 0.3), s.getConfig().get("x_factor"));
    String json = Json.write(s.getConfig());
    assertEquals(
        json, Json.write(LayerRegistry.create("RandomShear", Json.readObject(json)).getConfig()));
  }

  /** The keys every Keras 3 geometric augmentation layer writes, with their defaults. */
  static Map<String, Object> kerasConfig(String name) {
    Map<String, Object> c = new HashMap<>();
    c.put("name", name);
    c.put("trainable", true);
    c.put("data_format", "channels_last");
    c.put("fill_mode", "reflect");
    c.put("fill_value", 0.0);
    c.put("interpolation", "bilinear");
    c.put("seed", null);
    return c;
  }

  @Test
  void badArgumentsNameTheLayerTheArgumentAndTheValue() {
    assertMessage("RandomRotation", "Received: factor=1.5", () -> new RandomRotation(1.5));
    assertMessage(
        "RandomRotation", "Received: factor=(1.5, 2.0)", () -> new RandomRotation(1.5, 2));
    assertMessage("RandomZoom", "Received: height_factor=-1.5", () -> new RandomZoom(-1.5));
    assertMessage("RandomZoom", "Received: width_factor=2.0", () -> new RandomZoom(0.1, 2));
    assertMessage(
        "RandomTranslation",
        "Received: width_factor=(0.1, 1.2)",
        () -> new RandomTranslation(new double[] {0.1, 0.1}, new double[] {0.1, 1.2}));
    assertMessage("RandomShear", "Received: x_factor=-0.5", () -> new RandomShear(-0.5, 0));
    assertMessage(
        "RandomRotation", "Received: fill_mode=foo", () -> new RandomRotation(0.1).fillMode("foo"));
    assertMessage(
        "RandomRotation",
        "Received: fill_mode=mirror",
        () -> new RandomRotation(0.1).fillMode("mirror"));
    assertMessage(
        "RandomZoom",
        "Received: interpolation=bicubic",
        () -> new RandomZoom(0.1).interpolation("bicubic"));
    assertMessage(
        "RandomShear",
        "Received: data_format=channels_middle",
        () -> new RandomShear(0.1, 0.1).dataFormat("channels_middle"));
    assertMessage(
        "RandomTranslation",
        "Received: shape=(4, 4)",
        () -> new RandomTranslation(0.1, 0.1).apply(Tensor.zeros(4, 4), true));
    assertMessage(
        "RandomRotation",
        "Received: shape=(4, 4)",
        () -> new RandomRotation(0.1).apply(Tensor.zeros(4, 4), false));
  }

  static void assertMessage(
      String layer, String received, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(layer), e.getMessage());
    assertTrue(e.getMessage().contains(received), e.getMessage());
  }
}

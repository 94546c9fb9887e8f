package io.keras4j.layers;

import static io.keras4j.layers.LayerTestCase.assertValues;
import static io.keras4j.layers.LayerTestCase.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ZeroPadding, Cropping, UpSampling and SpatialDropout in 1 to 3 dimensions: numbers, shapes,
 * configs as Keras writes them, gradients through {@link LayerTestCase}, and the errors.
 */
class SpatialShapeLayersTest {
  private static final Tensor SIX = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 3, 2);

  @Test
  void zeroPadding() {
    // (1, 3 steps, 2 features), 1 step before and 2 after.
    assertValues(
        new float[] {0, 0, 1, 2, 3, 4, 5, 6, 0, 0, 0, 0}, new ZeroPadding1D(1, 2).apply(SIX));
    Tensor img = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
    Tensor y = new ZeroPadding2D(new int[][] {{1, 0}, {0, 1}}).apply(img);
    assertArrayEquals(new int[] {1, 3, 3, 1}, y.shape());
    assertValues(new float[] {0, 0, 0, 1, 2, 0, 3, 4, 0}, y);
    // channels_first pads the last two axes.
    assertArrayEquals(
        new int[] {1, 2, 4, 4},
        new ZeroPadding2D().dataFormat("channels_first").apply(Tensor.zeros(1, 2, 2, 2)).shape());
    for (String f : new String[] {"channels_last", "channels_first"}) {
      LayerTestCase.of(new ZeroPadding1D(2, 1).dataFormat(f)).inputs(random(1, 2, 3, 4)).run();
      LayerTestCase.of(new ZeroPadding2D(1, 2).dataFormat(f)).inputs(random(2, 2, 3, 4, 2)).run();
      LayerTestCase.of(new ZeroPadding3D(new int[][] {{1, 0}, {0, 2}, {1, 1}}).dataFormat(f))
          .inputs(random(3, 1, 2, 3, 2, 2))
          .run();
    }
    assertEquals(List.of(3, 1), new ZeroPadding1D(3, 1).getConfig().get("padding"));
    assertEquals(
        List.of(List.of(1, 1), List.of(2, 2)), new ZeroPadding2D(1, 2).getConfig().get("padding"));
    assertEquals(
        List.of(List.of(1, 1), List.of(1, 1), List.of(1, 1)),
        new ZeroPadding3D().getConfig().get("padding"));
    assertArrayEquals(
        new int[] {-1, -1, 9, 3},
        new ZeroPadding2D(2).computeOutputShape(new int[] {-1, -1, 5, 3}));
    String m =
        assertThrows(IllegalArgumentException.class, () -> new ZeroPadding2D(-1)).getMessage();
    assertTrue(m.contains("ZeroPadding2D") && m.contains("padding=[[-1, -1], [-1, -1]]"), m);
  }

  @Test
  void cropping() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 4, 2);
    assertValues(new float[] {3, 4, 5, 6}, new Cropping1D().apply(x));
    assertValues(new float[] {5, 6}, new Cropping1D(2, 1).apply(x));
    Tensor img = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
    assertValues(new float[] {4, 5}, new Cropping2D(new int[][] {{1, 1}, {0, 1}}).apply(img));
    assertValues(
        new float[] {5},
        new Cropping2D(1)
            .dataFormat("channels_first")
            .apply(Tensor.of(img.toFloatArray(), 1, 1, 3, 3)));
    // Keras's default Cropping2D crops nothing.
    assertValues(img.toFloatArray(), new Cropping2D().apply(img));
    for (String f : new String[] {"channels_last", "channels_first"}) {
      LayerTestCase.of(new Cropping2D(new int[][] {{1, 0}, {2, 1}}).dataFormat(f))
          .inputs(random(4, 2, 4, 5, 4))
          .run();
      LayerTestCase.of(new Cropping3D(1, 0, 1).dataFormat(f))
          .inputs(random(5, 1, 4, 3, 4, 3))
          .run();
    }
    LayerTestCase.of(new Cropping1D(1, 2)).inputs(random(6, 2, 5, 3)).run();
    assertEquals(List.of(1, 1), new Cropping1D().getConfig().get("cropping"));
    assertEquals(
        List.of(List.of(0, 0), List.of(0, 0)), new Cropping2D().getConfig().get("cropping"));
    // Cropping everything is an error naming the layer and the cropping.
    Cropping2D all = new Cropping2D(2);
    all.name("crop_all");
    String m =
        assertThrows(IllegalArgumentException.class, () -> all.apply(Tensor.zeros(1, 4, 6, 1)))
            .getMessage();
    assertTrue(m.contains("crop_all") && m.contains("cropping=[[2, 2], [2, 2]]"), m);
    assertFalse(all.isBuilt());
    m =
        assertThrows(IllegalArgumentException.class, () -> new Cropping1D(2).apply(Input.of(4, 3)))
            .getMessage();
    assertTrue(m.contains("cropping=[2, 2]") && m.contains("(None, 4, 3)"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new Cropping3D(0, -1, 0)).getMessage();
    assertTrue(m.contains("Cropping3D") && m.contains("cropping="), m);
  }

  @Test
  void upSamplingNearest() {
    assertValues(new float[] {1, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6}, new UpSampling1D().apply(SIX));
    Tensor img = Tensor.of(new float[] {1, 2, 3, 4}, 1, 2, 2, 1);
    assertValues(
        new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, new UpSampling2D(1, 3).apply(img));
    for (String f : new String[] {"channels_last", "channels_first"}) {
      LayerTestCase.of(new UpSampling2D(2, 3).dataFormat(f)).inputs(random(7, 2, 2, 3, 2)).run();
      LayerTestCase.of(new UpSampling3D(1, 2, 3).dataFormat(f))
          .inputs(random(8, 1, 2, 2, 2, 2))
          .run();
    }
    LayerTestCase.of(new UpSampling1D(3)).inputs(random(9, 2, 3, 2)).run();
    Map<String, Object> c = new UpSampling2D().getConfig();
    assertEquals(List.of(2, 2), c.get("size"));
    assertEquals("nearest", c.get("interpolation"));
    assertEquals(2, new UpSampling1D().getConfig().get("size"));
    assertEquals(DType.INT32, new UpSampling2D().apply(Input.of(DType.INT32, 2, 2, 1)).dtype());
  }

  @Test
  void upSamplingBilinearIsTensorFlowsHalfPixelResize() {
    // tf.image.resize([[0, 1], [2, 3]], (4, 4), "bilinear").
    Tensor y =
        new UpSampling2D(2)
            .interpolation("bilinear")
            .apply(Tensor.of(new float[] {0, 1, 2, 3}, 1, 2, 2, 1));
    assertValues(
        new float[] {
          0, .25f, .75f, 1, .5f, .75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3
        },
        y);
    // numpy, the same rule: factor 3 on height (a scale of 1/3 in float32), 2 on width.
    float[] expected = {
      1.0f,
      1.75f,
      3.25f,
      3.5f,
      2.5f,
      2.0f,
      1.0f,
      1.75f,
      3.25f,
      3.5f,
      2.5f,
      2.0f,
      3.3333334922790527f,
      3.5833334922790527f,
      4.083333492279053f,
      4.1666669845581055f,
      3.8333334922790527f,
      3.6666669845581055f,
      5.6666669845581055f,
      5.4166669845581055f,
      4.9166669845581055f,
      4.833333969116211f,
      5.1666669845581055f,
      5.333333969116211f,
      8.0f,
      7.25f,
      5.75f,
      5.5f,
      6.5f,
      7.0f,
      8.0f,
      7.25f,
      5.75f,
      5.5f,
      6.5f,
      7.0f
    };
    Tensor x = Tensor.of(new float[] {1, 4, 2, 8, 5, 7}, 1, 2, 3, 1);
    UpSampling2D bilinear = new UpSampling2D(3, 2).interpolation("BILINEAR");
    assertValues(expected, bilinear.apply(x));
    assertEquals("bilinear", bilinear.getConfig().get("interpolation"));
    // channels_first gives the same numbers on the transposed layout.
    Tensor cf =
        new UpSampling2D(3, 2)
            .interpolation("bilinear")
            .dataFormat("channels_first")
            .apply(Tensor.of(x.toFloatArray(), 1, 1, 2, 3));
    assertValues(expected, cf);
    for (String f : new String[] {"channels_last", "channels_first"}) {
      LayerTestCase.of(new UpSampling2D(2, 3).interpolation("bilinear").dataFormat(f))
          .inputs(random(10, 2, 3, 2, 2))
          .run();
    }
    String m =
        assertThrows(
                IllegalArgumentException.class, () -> new UpSampling2D().interpolation("bicubic"))
            .getMessage();
    assertTrue(m.contains("UpSampling2D") && m.contains("interpolation=bicubic"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new UpSampling1D(0)).getMessage();
    assertTrue(m.contains("UpSampling1D") && m.contains("size=0"), m);
    m = assertThrows(IllegalArgumentException.class, () -> new UpSampling3D(2, 0, 2)).getMessage();
    assertTrue(m.contains("size=[2, 0, 2]"), m);
  }

  @Test
  void spatialDropoutDropsWholeChannelsInTrainingOnly() {
    Tensor ones = Tensor.ones(4, 5, 6, 40);
    SpatialDropout2D d = new SpatialDropout2D(0.5).seed(3);
    assertSame(ones, d.apply(ones));
    Tensor y = d.apply(ones, true);
    int dropped = 0;
    for (int b = 0; b < 4; b++) {
      for (int c = 0; c < 40; c++) {
        float first = y.getFloat(b, 0, 0, c);
        assertTrue(first == 0f || first == 2f, "value " + first);
        dropped += first == 0f ? 1 : 0;
        for (int i = 0; i < 5; i++) {
          for (int j = 0; j < 6; j++) {
            assertEquals(first, y.getFloat(b, i, j, c));
          }
        }
      }
    }
    // 160 draws at 0.5: within ~5 standard deviations (6.3 each).
    assertEquals(80, dropped, 32);
    // channels_first: the mask is per (sample, axis 1).
    Tensor z = new SpatialDropout1D(0.5).seed(4).apply(Tensor.ones(3, 7, 10), true);
    for (int b = 0; b < 3; b++) {
      for (int c = 0; c < 10; c++) {
        for (int t = 1; t < 7; t++) {
          assertEquals(z.getFloat(b, 0, c), z.getFloat(b, t, c));
        }
      }
    }
    Tensor w =
        new SpatialDropout3D(0.5)
            .dataFormat("channels_first")
            .seed(5)
            .apply(Tensor.ones(2, 6, 2, 3, 2), true);
    for (int b = 0; b < 2; b++) {
      for (int c = 0; c < 6; c++) {
        float first = w.getFloat(b, c, 0, 0, 0);
        for (int i = 0; i < 12; i++) {
          assertEquals(first, w.getFloat(b, c, i / 6, i / 2 % 3, i % 2));
        }
      }
    }
    LayerTestCase.of(new SpatialDropout2D(0.3).seed(1)).inputs(random(11, 2, 3, 3, 2)).run();
    // A wrong rank leaves the layer unbuilt, as every layer of this family.
    SpatialDropout2D unbuilt = new SpatialDropout2D(0.5);
    assertThrows(IllegalArgumentException.class, () -> unbuilt.apply(Tensor.ones(2, 3), true));
    assertFalse(unbuilt.isBuilt());
    UpSampling3D up = new UpSampling3D();
    assertThrows(IllegalArgumentException.class, () -> up.apply(Tensor.ones(2, 3, 4, 5)));
    assertFalse(up.isBuilt());
    ZeroPadding1D pad = new ZeroPadding1D();
    assertThrows(IllegalArgumentException.class, () -> pad.apply(Input.of(4)));
    assertFalse(pad.isBuilt());
  }

  @Test
  void spatialDropoutIsSeededAndConfiguredAsKeras() {
    Tensor ones = Tensor.ones(8, 3, 16);
    float[] a = new SpatialDropout1D(0.4).seed(9).apply(ones, true).toFloatArray();
    float[] b = new SpatialDropout1D(0.4).seed(9).apply(ones, true).toFloatArray();
    assertArrayEquals(a, b);
    SpatialDropout1D again = new SpatialDropout1D(0.4).seed(9);
    again.apply(ones, true);
    assertFalse(java.util.Arrays.equals(a, again.apply(ones, true).toFloatArray()));
    Keras.setRandomSeed(21);
    float[] g1 = new SpatialDropout1D(0.4).apply(ones, true).toFloatArray();
    Keras.setRandomSeed(21);
    float[] g2 = new SpatialDropout1D(0.4).apply(ones, true).toFloatArray();
    assertArrayEquals(g1, g2);
    assertValues(new float[ones.toFloatArray().length], new SpatialDropout1D(1).apply(ones, true));
    Map<String, Object> c = new SpatialDropout2D(0.25).seed(7).getConfig();
    assertEquals(0.25, c.get("rate"));
    assertEquals(7L, ((Number) c.get("seed")).longValue());
    assertEquals("channels_last", c.get("data_format"));
    // Keras's SpatialDropout takes rate, seed, name and dtype only: no trainable.
    assertFalse(c.containsKey("trainable"), c.toString());
    assertFalse(new SpatialDropout1D(0.1).getConfig().containsKey("data_format"));
    String m =
        assertThrows(IllegalArgumentException.class, () -> new SpatialDropout3D(1.5)).getMessage();
    assertTrue(m.contains("SpatialDropout3D") && m.contains("rate=1.5"), m);
    m =
        assertThrows(
                IllegalArgumentException.class,
                () -> new SpatialDropout2D(0.5).name("sd").apply(Tensor.ones(2, 3, 4), true))
            .getMessage();
    assertTrue(m.contains("sd") && m.contains("expected ndim=4"), m);
  }
}

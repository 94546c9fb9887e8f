package io.keras4j.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.StepData;
import io.keras4j.random.RandomOps;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ImageDataGenerator against numbers computed independently: numpy's rot90 and slicing for exact
 * transforms, Keras's legacy apply_affine_transform (its numpy/scipy code transcribed) for a
 * general one, numpy's mean/std for fit.
 */
class ImageDataGeneratorTest {
  /** A (h, w, 1) image holding 0, 1, 2, ... row by row. */
  private static Tensor ramp(int h, int w) {
    float[] v = new float[h * w];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(v, h, w, 1);
  }

  private static final ImageDataGenerator GEN = new ImageDataGenerator();

  @Test
  void aNinetyDegreeRotationIsNumpysRot90() {
    Tensor out = GEN.applyTransform(ramp(4, 4), TransformParameters.rotation(90));
    // np.rot90(np.arange(16).reshape(4, 4))
    float[] expected = {3, 7, 11, 15, 2, 6, 10, 14, 1, 5, 9, 13, 0, 4, 8, 12};
    assertArrayEquals(expected, out.toFloatArray(), 1e-4f);
    assertArrayEquals(new int[] {4, 4, 1}, out.shape());
  }

  @Test
  void shiftsMoveByWholePixelsWithTheEdgeRepeated() {
    float[] in = ramp(4, 4).toFloatArray();
    // tx shifts along columns (Keras's matrix coordinates, see TransformParameters): out[r][c] =
    // in[r][min(c + 2, 3)] with fillMode "nearest".
    float[] tx = GEN.applyTransform(ramp(4, 4), TransformParameters.shift(2, 0)).toFloatArray();
    float[] ty = GEN.applyTransform(ramp(4, 4), TransformParameters.shift(0, 2)).toFloatArray();
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        assertEquals(in[r * 4 + Math.min(c + 2, 3)], tx[r * 4 + c], 1e-5f);
        assertEquals(in[Math.min(r + 2, 3) * 4 + c], ty[r * 4 + c], 1e-5f);
      }
    }
    // A negative shift with a constant fill: out[r][c] = in[r][c - 2], cval where c < 2.
    ImageDataGenerator constant = new ImageDataGenerator().fillMode("constant").cval(-1);
    float[] back =
        constant.applyTransform(ramp(3, 4), TransformParameters.shift(-2, 0)).toFloatArray();
    assertArrayEquals(new float[] {-1, -1, 0, 1, -1, -1, 4, 5, -1, -1, 8, 9}, back, 1e-5f);
  }

  @Test
  void flipsReverseColumnsAndRowsExactly() {
    Tensor rgb = RandomOps.uniform(new int[] {3, 5, 3}, 0, 255, 9);
    float[] in = rgb.toFloatArray();
    float[] h = GEN.applyTransform(rgb, TransformParameters.flips(true, false)).toFloatArray();
    float[] v = GEN.applyTransform(rgb, TransformParameters.flips(false, true)).toFloatArray();
    float[] both = GEN.applyTransform(rgb, TransformParameters.flips(true, true)).toFloatArray();
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 5; c++) {
        for (int k = 0; k < 3; k++) {
          assertEquals(in[(r * 5 + (4 - c)) * 3 + k], h[(r * 5 + c) * 3 + k]);
          assertEquals(in[((2 - r) * 5 + c) * 3 + k], v[(r * 5 + c) * 3 + k]);
          assertEquals(in[((2 - r) * 5 + (4 - c)) * 3 + k], both[(r * 5 + c) * 3 + k]);
        }
      }
    }
  }

  /** (arange(35).reshape(5, 7) * 7) % 23, the input of the legacy reference below. */
  private static Tensor mod23() {
    float[] v = new float[35];
    for (int i = 0; i < 35; i++) {
      v[i] = (i * 7) % 23;
    }
    return Tensor.of(v, 5, 7, 1);
  }

  private static final TransformParameters GENERAL =
      new TransformParameters(17, 0.7, -0.4, 8, 0.9, 1.1, false, false);

  @Test
  void aComposedTransformMatchesKerasLegacyApplyAffineTransform() {
    // Keras's apply_affine_transform(x, theta=17, tx=0.7, ty=-0.4, shear=8, zx=0.9, zy=1.1,
    // fill_mode="nearest", order=1) on a non-square 5 x 7 image, transcribed with numpy and scipy.
    float[] expected = {
      17.21758f, 15.87475f, 6.26702f, 12.57511f, 19.38923f, 20.86218f, 21.65158f, 14.86939f,
      10.56448f, 6.61895f, 12.31176f, 15.55866f, 9.6467f, 4.38401f, 14.60605f, 12.43711f, 5.23429f,
      12.04842f, 18.86254f, 6.51157f, 4.63321f, 13.90029f, 9.25518f, 5.8449f, 11.78507f, 14.53072f,
      8.05651f, 7.62403f, 14.07936f, 10.2949f, 4.7076f, 11.27509f, 16.31471f, 2.54392f, 6.34925f
    };
    assertArrayEquals(expected, GEN.applyTransform(mod23(), GENERAL).toFloatArray(), 1e-4f);

    // With fill_mode="constant", cval=3: scipy fills every point outside [0, n-1] with cval, and
    // keras.ops.image blends cval into the pixels within one pixel of the edge; they agree where
    // the source point is inside the image (the interior checked here).
    float[] constant = {
      3, 3, 3, 12.57511f, 19.38923f, 3, 3, 14.86939f, 10.56448f, 6.61895f, 12.31176f, 15.55866f, 3,
      3, 14.60605f, 12.43711f, 5.23429f, 12.04842f, 18.86254f, 6.51157f, 3, 13.90029f, 9.25518f,
      5.8449f, 11.78507f, 14.53072f, 8.05651f, 3, 14.07936f, 10.2949f, 4.7076f, 3, 3, 3, 3
    };
    float[] got =
        new ImageDataGenerator()
            .fillMode("constant")
            .cval(3)
            .applyTransform(mod23(), GENERAL)
            .toFloatArray();
    int checked = 0;
    for (int i = 0; i < 35; i++) {
      if (constant[i] != 3 && expected[i] == constant[i]) {
        assertEquals(constant[i], got[i], 1e-4f, "pixel " + i);
        checked++;
      }
    }
    assertEquals(22, checked);
  }

  @Test
  void channelsFirstTransformsTheSameImage() {
    Tensor last = RandomOps.uniform(new int[] {5, 7, 2}, 0, 1, 4);
    Tensor first = io.keras4j.ops.Ops.transpose(last, 2, 0, 1);
    ImageDataGenerator cf = new ImageDataGenerator().dataFormat("channels_first");
    Tensor a = GEN.applyTransform(last, GENERAL);
    Tensor b = cf.applyTransform(first, GENERAL);
    assertArrayEquals(
        io.keras4j.ops.Ops.transpose(a, 2, 0, 1).toFloatArray(), b.toFloatArray(), 1e-5f);
  }

  @Test
  void randomTransformsFollowTheRangesAndTheSeed() {
    ImageDataGenerator g =
        new ImageDataGenerator()
            .rotationRange(20)
            .widthShiftRange(0.1)
            .heightShiftRange(3)
            .shearRange(5)
            .zoomRange(0.2)
            .horizontalFlip(true);
    int[] shape = {10, 20, 3};
    Set<Boolean> flips = new HashSet<>();
    Set<Double> heightShifts = new HashSet<>();
    for (long s = 0; s < 200; s++) {
      TransformParameters p = g.getRandomTransform(shape, s);
      assertEquals(p, g.getRandomTransform(shape, s));
      assertTrue(Math.abs(p.theta()) <= 20);
      // heightShiftRange(3) is Keras's int: a whole number of pixels in (-3, 3).
      assertEquals(Math.rint(p.tx()), p.tx());
      assertTrue(Math.abs(p.tx()) <= 2);
      heightShifts.add(Math.abs(p.tx()));
      // widthShiftRange(0.1) is a fraction of the 20 columns.
      assertTrue(Math.abs(p.ty()) <= 2.0);
      assertTrue(Math.abs(p.shear()) <= 5);
      assertTrue(p.zx() >= 0.8 && p.zx() <= 1.2 && p.zy() >= 0.8 && p.zy() <= 1.2);
      assertNotEquals(p.zx(), p.zy());
      flips.add(p.flipHorizontal());
      assertEquals(false, p.flipVertical());
    }
    assertEquals(Set.of(true, false), flips);
    assertEquals(Set.of(0.0, 1.0, 2.0), heightShifts);
    assertEquals(
        TransformParameters.IDENTITY, new ImageDataGenerator().getRandomTransform(shape, 1));
  }

  @Test
  void fitComputesNumpysPerChannelStatistics() {
    // x[n, h, w, c] = ((n * 31 + h * 7 + w * 3 + c * 11) % 17) * 10 on (3, 2, 2, 2); numpy:
    // x.mean(axis=(0, 1, 2)) and x.std(axis=(0, 1, 2)), after rescale by 0.5.
    float[] v = new float[24];
    int i = 0;
    for (int n = 0; n < 3; n++) {
      for (int h = 0; h < 2; h++) {
        for (int w = 0; w < 2; w++) {
          for (int c = 0; c < 2; c++) {
            v[i++] = ((n * 31 + h * 7 + w * 3 + c * 11) % 17) * 10;
          }
        }
      }
    }
    Tensor x = Tensor.of(v, 3, 2, 2, 2);
    ImageDataGenerator g =
        new ImageDataGenerator().featurewiseStdNormalization(true).rescale(0.5f).fit(x);
    assertArrayEquals(new int[] {1, 1, 2}, g.mean().shape());
    assertArrayEquals(new float[] {31.25f, 43.75f}, g.mean().toFloatArray(), 1e-4f);
    assertArrayEquals(new float[] {24.334904f, 24.334904f}, g.std().toFloatArray(), 1e-4f);
    // standardize: (x * 0.5 - mean) / (std + 1e-6), numpy for the first pixel (0 and 110).
    Tensor s = g.standardize(Tensor.of(new float[] {0, 110}, 1, 1, 2));
    assertArrayEquals(new float[] {-1.2841636f, 0.4622989f}, s.toFloatArray(), 1e-5f);
  }

  @Test
  void samplewiseStandardizationUsesEachImagesOwnStatistics() {
    // Two 1x2x1 images [1, 3] and [10, 30]: (x - mean) / (std + 1e-6) each.
    Tensor x = Tensor.of(new float[] {1, 3, 10, 30}, 2, 1, 2, 1);
    Tensor s = new ImageDataGenerator().samplewiseStdNormalization(true).standardize(x);
    assertArrayEquals(new float[] {-1, 1, -1, 1}, s.toFloatArray(), 1e-5f);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new ImageDataGenerator().featurewiseCenter(true).standardize(x));
    assertTrue(e.getMessage().contains("fit"), e.getMessage());
  }

  @Test
  void flowGivesBatchesOfTheRightShapeAndALastPartialOne() {
    Tensor x = RandomOps.uniform(new int[] {70, 6, 6, 3}, 0, 255, 1);
    Tensor y = Tensor.ofInts(new int[70], 70);
    NumpyArrayIterator it = new ImageDataGenerator().rescale(1 / 255f).flow(x, y, 32, false, 5);
    assertEquals(3, it.length());
    assertArrayEquals(new int[] {32, 6, 6, 3}, it.get(0).x().shape());
    assertArrayEquals(new int[] {6, 6, 6, 3}, it.get(2).x().shape());
    assertArrayEquals(new int[] {6}, it.get(2).y().shape());
    // No transform, no shuffle: batch 1 is rows 32..63, rescaled.
    float[] expected = io.keras4j.data.Rows.slice(x, 32, 64).toFloatArray();
    float[] got = it.get(1).x().toFloatArray();
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k] / 255f, got[k], 1e-6f);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> it.get(3));
    assertTrue(e.getMessage().contains("Received: index=3"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ImageDataGenerator().flow(Tensor.zeros(4, 3, 3), y, 2));
    assertTrue(e.getMessage().contains("rank 4"), e.getMessage());
  }

  @Test
  void aSeededFlowIsReproducibleAndShufflesEachEpoch() {
    Tensor x = RandomOps.uniform(new int[] {20, 5, 5, 1}, 0, 1, 3);
    Tensor y =
        Tensor.ofInts(
            new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, 20);
    ImageDataGenerator g = new ImageDataGenerator().rotationRange(30).horizontalFlip(true);
    NumpyArrayIterator a = g.flow(x, y, 8, true, 42);
    NumpyArrayIterator b = g.flow(x, y, 8, true, 42);
    // Out of order on b: a batch depends on the seed, the epoch and its index only.
    StepData b2 = b.get(2);
    StepData a0 = a.get(0);
    assertArrayEquals(a0.x().toFloatArray(), b.get(0).x().toFloatArray());
    assertArrayEquals(a.get(2).x().toFloatArray(), b2.x().toFloatArray());
    int[] epoch0 = a0.y().toIntArray();
    a.onEpochEnd();
    assertNotEquals(
        java.util.Arrays.toString(epoch0), java.util.Arrays.toString(a.get(0).y().toIntArray()));
    // Every sample once per epoch.
    Set<Integer> seen = new HashSet<>();
    for (int k = 0; k < a.length(); k++) {
      for (int label : a.get(k).y().toIntArray()) {
        assertTrue(seen.add(label));
      }
    }
    assertEquals(20, seen.size());
    // A different seed, different transforms.
    assertNotEquals(
        java.util.Arrays.toString(a0.x().toFloatArray()),
        java.util.Arrays.toString(g.flow(x, y, 8, true, 43).get(0).x().toFloatArray()));
  }

  @Test
  void badOptionsAreRefusedNamingThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ImageDataGenerator().fillMode("edge"));
    assertTrue(e.getMessage().contains("Received: fillMode=edge"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new ImageDataGenerator().rotationRange(-1));
    assertTrue(e.getMessage().contains("Received: rotationRange=-1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new ImageDataGenerator().zoomRange(1.2, 0.8));
    assertTrue(e.getMessage().contains("zoomRange"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new ImageDataGenerator().dataFormat("nhwc"));
    assertTrue(e.getMessage().contains("Received: dataFormat=nhwc"), e.getMessage());
  }
}

package io.keras4j.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.testing.GradientCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ImageOps}: values against a numpy transcription of Keras 3's {@code resize} (jax's weight
 * matrices) and {@code affine_transform} (the numpy backend's padding and map_coordinates) in
 * {@code image_ops_reference.py} (its output {@code image_ops_reference.json}), every fill mode and
 * both interpolations; one image (rank 3) and channels_first give the same numbers; gradients with
 * respect to the images by finite differences; the errors.
 */
class ImageOpsTest {
  private static final double TOL = 1e-5;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reference() throws IOException {
    try (InputStream in = ImageOpsTest.class.getResourceAsStream("image_ops_reference.json")) {
      return Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static float[] floats(Object list) {
    List<?> l = (List<?>) list;
    float[] v = new float[l.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) l.get(i)).floatValue();
    }
    return v;
  }

  private static int[] ints(Object list) {
    List<?> l = (List<?>) list;
    int[] v = new int[l.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) l.get(i)).intValue();
    }
    return v;
  }

  private static void assertClose(String what, float[] expected, Tensor actual) {
    float[] a = actual.toFloatArray();
    assertEquals(expected.length, a.length, what + ": size");
    for (int i = 0; i < a.length; i++) {
      double tol = TOL + TOL * Math.abs(expected[i]);
      if (!(Math.abs(a[i] - expected[i]) <= tol)) {
        throw new AssertionError(
            what + ", element " + i + ": expected " + expected[i] + ", actual " + a[i]);
      }
    }
  }

  private static Tensor channelsFirst(Tensor x) {
    return Ops.transpose(x, 0, 3, 1, 2);
  }

  private static Tensor firstImage(Tensor x) {
    int[] s = x.shape();
    return Ops.reshape(
        Ops.slice(x, new int[] {0, 0, 0, 0}, new int[] {1, -1, -1, -1}), s[1], s[2], s[3]);
  }

  @Test
  @SuppressWarnings("unchecked")
  void resizeMatchesTheNumpyReference() throws IOException {
    List<Map<String, Object>> cases = (List<Map<String, Object>>) reference().get("resize");
    assertEquals(9, cases.size());
    for (Map<String, Object> c : cases) {
      int[] shape = ints(c.get("shape"));
      int[] size = ints(c.get("size"));
      String interpolation = (String) c.get("interpolation");
      String what =
          "resize "
              + java.util.Arrays.toString(shape)
              + " to "
              + java.util.Arrays.toString(size)
              + " "
              + interpolation;
      Tensor x = Tensor.of(floats(c.get("x")), shape);
      float[] y = floats(c.get("y"));
      Tensor out = ImageOps.resize(x, size[0], size[1], interpolation, "channels_last");
      assertArrayEquals(new int[] {shape[0], size[0], size[1], shape[3]}, out.shape(), what);
      assertClose(what, y, out);
      Tensor cf =
          ImageOps.resize(channelsFirst(x), size[0], size[1], interpolation, "channels_first");
      assertArrayEquals(new int[] {shape[0], shape[3], size[0], size[1]}, cf.shape(), what);
      assertClose(what + " channels_first", y, Ops.transpose(cf, 0, 2, 3, 1));
      if (interpolation.equals("bilinear")) {
        Tensor single = ImageOps.resize(firstImage(x), size[0], size[1]);
        assertArrayEquals(new int[] {size[0], size[1], shape[3]}, single.shape(), what);
        assertClose(what + " one image", java.util.Arrays.copyOf(y, (int) single.size()), single);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void affineTransformMatchesTheNumpyReferenceInEveryFillMode() throws IOException {
    List<Map<String, Object>> cases = (List<Map<String, Object>>) reference().get("affine");
    assertEquals(28, cases.size());
    for (Map<String, Object> c : cases) {
      int[] shape = ints(c.get("shape"));
      int rows = ((Number) c.get("transform_rows")).intValue();
      String interpolation = (String) c.get("interpolation");
      String fillMode = (String) c.get("fill_mode");
      float fillValue = ((Number) c.get("fill_value")).floatValue();
      String what = "affine_transform " + c.get("name") + " " + interpolation + " " + fillMode;
      Tensor x = Tensor.of(floats(c.get("x")), shape);
      float[] tv = floats(c.get("transform"));
      Tensor t = rows == 1 ? Tensor.of(tv, 8) : Tensor.of(tv, rows, 8);
      float[] y = floats(c.get("y"));
      Tensor out =
          ImageOps.affineTransform(x, t, interpolation, fillMode, fillValue, "channels_last");
      assertArrayEquals(shape, out.shape(), what);
      assertClose(what, y, out);
      Tensor cf =
          ImageOps.affineTransform(
              channelsFirst(x), t, interpolation, fillMode, fillValue, "channels_first");
      assertClose(what + " channels_first", y, Ops.transpose(cf, 0, 2, 3, 1));
      if (rows == 1) {
        Tensor single =
            ImageOps.affineTransform(firstImage(x), t, interpolation, fillMode, fillValue, null);
        assertClose(what + " one image", java.util.Arrays.copyOf(y, (int) single.size()), single);
      }
    }
  }

  @Test
  void theDefaultsAreBilinearConstantZero() {
    Tensor x = random(3, 2, 5, 6, 2);
    Tensor t = Tensor.of(new float[] {1, 0.2f, -1.5f, 0.1f, 0.9f, 2.2f, 0, 0}, 8);
    assertArrayEquals(
        ImageOps.affineTransform(x, t, "bilinear", "constant", 0f, "channels_last").toFloatArray(),
        ImageOps.affineTransform(x, t).toFloatArray());
    assertArrayEquals(
        ImageOps.resize(x, 7, 3, "bilinear", "channels_last").toFloatArray(),
        ImageOps.resize(x, 7, 3).toFloatArray());
  }

  @Test
  void anIdentityTransformAndASameSizeResizeGiveTheImagesBack() {
    Tensor x = random(4, 2, 5, 6, 3);
    Tensor identity = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0}, 8);
    for (String interpolation : new String[] {"nearest", "bilinear"}) {
      assertArrayEquals(
          x.toFloatArray(),
          ImageOps.affineTransform(x, identity, interpolation, "constant", 0f, null)
              .toFloatArray());
      assertArrayEquals(
          x.toFloatArray(), ImageOps.resize(x, 5, 6, interpolation, null).toFloatArray());
    }
  }

  private static Tensor random(long seed, int... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[(int) io.keras4j.Shapes.size(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble(-1, 1);
    }
    return Tensor.of(v, shape);
  }

  @Test
  void resizeGradientsByFiniteDifferences() {
    for (String interpolation : new String[] {"bilinear", "nearest"}) {
      GradientCheck.checkUnary(
          x -> ImageOps.resize(x, 7, 3, interpolation, null), random(10, 2, 4, 5, 2));
      GradientCheck.checkUnary(
          x -> ImageOps.resize(x, 2, 3, interpolation, null), random(11, 1, 5, 7, 3));
      GradientCheck.checkUnary(
          x -> ImageOps.resize(x, 6, 4, interpolation, "channels_first"), random(12, 2, 3, 3, 5));
      GradientCheck.checkUnary(
          x -> ImageOps.resize(x, 5, 5, interpolation, null), random(13, 3, 4, 2));
    }
  }

  @Test
  void affineGradientsByFiniteDifferencesInEveryFillMode() {
    Tensor t =
        Tensor.of(
            new float[] {
              0.8f, -0.5f, 2.1f, 0.45f, 1.2f, -1.3f, 0, 0, 1.4f, 0.3f, -3.3f, -0.2f, 0.7f, 4.1f, 0,
              0
            },
            2,
            8);
    for (String interpolation : new String[] {"bilinear", "nearest"}) {
      for (String mode : new String[] {"constant", "nearest", "wrap", "mirror", "reflect"}) {
        GradientCheck.checkUnary(
            x -> ImageOps.affineTransform(x, t, interpolation, mode, 0.7f, null),
            random(20, 2, 5, 4, 2));
        GradientCheck.checkUnary(
            x -> ImageOps.affineTransform(x, t, interpolation, mode, 0.7f, "channels_first"),
            random(21, 2, 2, 4, 5));
      }
    }
  }

  @Test
  void theTransformGetsNoGradient() {
    Tensor x = random(30, 1, 4, 4, 1);
    Tensor t = Tensor.of(new float[] {1, 0.1f, 0.5f, 0, 1, 0.25f, 0, 0}, 8);
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      tape.watch(t);
      Tensor loss = Ops.sum(ImageOps.affineTransform(x, t));
      List<Tensor> g = tape.gradient(loss, List.of(x, t));
      assertArrayEquals(x.shape(), g.get(0).shape());
      assertTrue(
          g.get(1) == null || Ops.sum(Ops.abs(g.get(1))).item() == 0f,
          "no gradient for the transform");
    }
  }

  @Test
  void badArgumentsNameTheArgumentAndTheValue() {
    Tensor x = random(40, 1, 4, 4, 1);
    Tensor t = Tensor.of(new float[] {1, 0, 0, 0, 1, 0, 0, 0}, 8);
    assertMessage("Received: interpolation=area", () -> ImageOps.resize(x, 2, 2, "area", null));
    assertMessage(
        "Received: interpolation=bicubic",
        () -> ImageOps.affineTransform(x, t, "bicubic", "constant", 0, null));
    assertMessage(
        "Received: fill_mode=foo",
        () -> ImageOps.affineTransform(x, t, "bilinear", "foo", 0, null));
    assertMessage(
        "Received: data_format=channels_middle",
        () -> ImageOps.resize(x, 2, 2, "nearest", "channels_middle"));
    assertMessage("Received: images.shape=(4, 4)", () -> ImageOps.resize(Tensor.zeros(4, 4), 2, 2));
    assertMessage(
        "Received: images.shape=(4, 4)", () -> ImageOps.affineTransform(Tensor.zeros(4, 4), t));
    assertMessage("Received: size=(0, 2)", () -> ImageOps.resize(x, 0, 2));
    assertMessage(
        "Received: transform.shape=(6,)", () -> ImageOps.affineTransform(x, Tensor.zeros(6)));
    assertMessage(
        "Received: transform.shape=(3, 8)",
        () -> ImageOps.affineTransform(random(41, 2, 4, 4, 1), Tensor.zeros(3, 8)));
  }

  private static void assertMessage(
      String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

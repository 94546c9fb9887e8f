package io.keras4j.layers;

import static io.keras4j.layers.GeometricAugmentationLayersTest.assertMessage;
import static io.keras4j.layers.GeometricAugmentationLayersTest.expected;
import static io.keras4j.layers.GeometricAugmentationLayersTest.indexed;
import static io.keras4j.layers.GeometricAugmentationLayersTest.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.models.Models;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.ImageOps;
import io.keras4j.ops.Ops;
import io.keras4j.saving.LayerRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Resizing (with the crop and the pad to the aspect ratio), CenterCrop and RandomCrop against
 * windows computed here by index arithmetic and against {@link ImageOps#resize} (itself checked
 * against numpy); output shapes, configs (Keras's keys), gradients and errors.
 */
class ResizingAndCroppingLayersTest {

  @Test
  void resizingIsTheResizeOpAndKeepsIntImagesInt() {
    Tensor x = indexed(2, 5, 7, 3);
    assertArrayEquals(
        ImageOps.resize(x, 3, 4).toFloatArray(),
        new Resizing(3, 4).apply(x).toFloatArray(),
        "bilinear by default");
    assertArrayEquals(
        ImageOps.resize(x, 8, 2, "nearest", null).toFloatArray(),
        new Resizing(8, 2).interpolation("nearest").apply(x).toFloatArray());
    Tensor ints = Tensor.ofInts(new int[] {0, 10, 20, 30}, 1, 2, 2, 1);
    Tensor y = new Resizing(3, 3).apply(ints);
    assertEquals(DType.INT32, y.dtype());
    // bilinear 2 -> 3: positions 0, 0.5, 1 on each axis; rounded half to even as numpy
    assertArrayEquals(new int[] {0, 5, 10, 10, 15, 20, 20, 25, 30}, y.toIntArray());
    LayerTestCase.of(new Resizing(3, 4))
        .inputs(LayerTestCase.random(1, 2, 5, 6, 2))
        .expectedOutputShape(2, 3, 4, 2)
        .run();
    LayerTestCase.of(new Resizing(4, 3).dataFormat("channels_first").interpolation("nearest"))
        .inputs(LayerTestCase.random(2, 2, 2, 5, 6))
        .expectedOutputShape(2, 2, 4, 3)
        .run();
  }

  @Test
  void resizingCropsOrPadsToTheAspectRatio() {
    // 4 x 8 to 2 x 2: the centred 4 x 4 window (columns 2..5), then halved: bilinear reads
    // positions 0.5 and 2.5 of the window, i.e. the means of 2 x 2 blocks of a linear image.
    Tensor x = indexed(1, 4, 8, 1);
    float[] want = expected(1, 2, 2, 1, (b, y, xx, k) -> 10 * (2 * y + 0.5f) + 2 + 2 * xx + 0.5f);
    assertArrayEquals(
        want, new Resizing(2, 2).cropToAspectRatio(true).apply(x).toFloatArray(), 1e-4f);
    // 2 x 4 to 4 x 4: one row of the fill value above and below, no resize needed.
    Tensor small = indexed(1, 2, 4, 1);
    float[] padded =
        expected(1, 4, 4, 1, (b, y, xx, k) -> y == 0 || y == 3 ? -5 : value(0, y - 1, xx, 0));
    assertArrayEquals(
        padded,
        new Resizing(4, 4).padToAspectRatio(true).fillValue(-5).apply(small).toFloatArray());
    assertMessage(
        "Resizing",
        "crop_to_aspect_ratio=True, pad_to_aspect_ratio=True",
        () -> new Resizing(2, 2).cropToAspectRatio(true).padToAspectRatio(true));
  }

  @Test
  void centerCropCutsTheMiddleOrResizesWhenTooSmall() {
    Tensor x = indexed(2, 5, 7, 2);
    // starts at ((5 - 3) / 2, (7 - 4) / 2) = (1, 1)
    float[] want = expected(2, 3, 4, 2, (b, y, xx, k) -> value(b, y + 1, xx + 1, k));
    assertArrayEquals(want, new CenterCrop(3, 4).apply(x).toFloatArray());
    Tensor cf = Ops.transpose(x, 0, 3, 1, 2);
    Tensor ycf = new CenterCrop(3, 4).dataFormat("channels_first").apply(cf);
    assertArrayEquals(want, Ops.transpose(ycf, 0, 2, 3, 1).toFloatArray());
    // 5 x 7 to 6 x 2: too short, so the centred window of ratio 3 (5 x 1, column 3), resized.
    Tensor window = Ops.slice(x, new int[] {0, 0, 3, 0}, new int[] {-1, 5, 1, -1});
    assertArrayEquals(
        ImageOps.resize(window, 6, 2).toFloatArray(), new CenterCrop(6, 2).apply(x).toFloatArray());
    LayerTestCase.of(new CenterCrop(3, 2))
        .inputs(LayerTestCase.random(3, 2, 4, 5, 3))
        .expectedOutputShape(2, 3, 2, 3)
        .run();
  }

  @Test
  void randomCropTakesOneRandomWindowPerBatchInTraining() {
    int h = 6;
    int w = 7;
    Tensor x = indexed(3, h, w, 1);
    RandomCrop crop = new RandomCrop(3, 4).seed(2);
    Set<String> offsets = new HashSet<>();
    for (int call = 0; call < 20; call++) {
      float[] y = crop.apply(x, true).toFloatArray();
      // value(0, y0, x0) = 10 y0 + x0 tells the window's corner
      int y0 = (int) (y[0] / 10);
      int x0 = (int) (y[0] % 10);
      assertTrue(y0 <= h - 3 && x0 <= w - 4, "offset inside: " + y0 + ", " + x0);
      float[] want = expected(3, 3, 4, 1, (b, r, c, k) -> value(b, r + y0, c + x0, 0));
      assertArrayEquals(want, y, "the same window for every image of the batch");
      offsets.add(y0 + "," + x0);
    }
    assertTrue(offsets.size() > 4, "offsets vary: " + offsets);
    assertArrayEquals(
        new RandomCrop(3, 4).seed(2).apply(x, true).toFloatArray(),
        new RandomCrop(3, 4).seed(2).apply(x, true).toFloatArray(),
        "seeded");
    // Inference: the centred window of ratio 3:4 (6 x 7 -> 5 x 7? no: height int(7 * 3 / 4) = 5,
    // width int(6 * 4 / 3) = 8 -> 7), starting at ((6 - 5) / 2, 0) = (0, 0), resized to 3 x 4.
    Tensor window = Ops.slice(x, new int[] {0, 0, 0, 0}, new int[] {-1, 5, 7, -1});
    assertArrayEquals(
        ImageOps.resize(window, 3, 4).toFloatArray(), crop.apply(x, false).toFloatArray());
    LayerTestCase.of(new RandomCrop(2, 3).seed(1))
        .inputs(LayerTestCase.random(4, 2, 5, 6, 2))
        .expectedOutputShape(2, 2, 3, 2)
        .run();
  }

  @Test
  void kerasConfigsAndModelsRoundTrip() {
    Map<String, Object> resizing = new HashMap<>();
    resizing.put("name", "resizing");
    resizing.put("trainable", true);
    resizing.put("height", 4);
    resizing.put("width", 5);
    resizing.put("interpolation", "nearest");
    resizing.put("crop_to_aspect_ratio", true);
    resizing.put("pad_to_aspect_ratio", false);
    resizing.put("fill_mode", "constant");
    resizing.put("fill_value", 0.0);
    resizing.put("antialias", false);
    resizing.put("data_format", "channels_last");
    Resizing r = (Resizing) LayerRegistry.create("Resizing", resizing);
    assertEquals("nearest", r.interpolation());
    assertEquals(4, r.height());
    resizing.put("antialias", true);
    assertMessage("Resizing", "antialias=True", () -> LayerRegistry.create("Resizing", resizing));

    var model =
        new Sequential(
            new RandomCrop(6, 6).seed(3).inputShape(8, 8, 3),
            new CenterCrop(4, 4),
            new Resizing(8, 6).interpolation("nearest"),
            new RandomRotation(0.1).seed(1),
            new RandomZoom(0.2, 0.1).fillMode("constant"),
            new RandomTranslation(0.1, 0.2).interpolation("nearest"),
            new RandomShear(0.2, 0.1).fillMode("wrap"));
    var back = Models.modelFromJson(model.toJson());
    assertEquals(model.toJson(), back.toJson());
    assertArrayEquals(new int[] {-1, 8, 6, 3}, back.outputs().get(0).shape());
    Tensor x = GeometricAugmentationLayersTest.indexed(2, 8, 8, 3);
    var quiet = new PredictOptions().verbose(0);
    assertArrayEquals(
        model.predict(x, quiet).toFloatArray(), back.predict(x, quiet).toFloatArray());
  }

  @Test
  void badArguments() {
    assertMessage("Resizing", "Received: height=0", () -> new Resizing(0, 3));
    assertMessage("CenterCrop", "Received: width=-2", () -> new CenterCrop(3, -2));
    assertMessage("RandomCrop", "Received: height=0", () -> new RandomCrop(0, 1));
    assertMessage(
        "Resizing", "Received: interpolation=area", () -> new Resizing(2, 2).interpolation("area"));
    assertMessage(
        "CenterCrop", "Received: data_format=nchw", () -> new CenterCrop(2, 2).dataFormat("nchw"));
    assertMessage(
        "Resizing", "Received: shape=(4, 4)", () -> new Resizing(2, 2).apply(Tensor.zeros(4, 4)));
    assertMessage(
        "RandomCrop",
        "Received: shape=(1, 4, 4, 1, 1)",
        () -> new RandomCrop(2, 2).apply(Tensor.zeros(1, 4, 4, 1, 1), true));
  }
}

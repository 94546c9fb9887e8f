package io.keras4j.preprocessing.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import io.keras4j.testing.Quiet;
import io.keras4j.utils.Images;
import io.keras4j.utils.LoadImageOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ImageDataGenerator.flowFromDirectory}, Keras's {@code flow_from_directory}: the classes
 * and files in Keras's order (its formats: no .gif), batches equal to the files read, resized and
 * standardized, Keras's per-class validation split, every class mode, seeded augmentation, fit on
 * it, and clear errors.
 */
class DirectoryIteratorTest {
  @TempDir Path dir;

  /** cats: a.png, b.png, sub/c.png; dogs: d.png, e.png, f.bmp, g.png; plus files to skip. */
  @BeforeEach
  void images() throws IOException {
    write("cats/b.png", 5, 7, 1);
    write("cats/a.png", 6, 4, 2);
    write("cats/sub/c.png", 3, 3, 3);
    write("dogs/d.png", 8, 8, 4);
    write("dogs/e.png", 4, 6, 5);
    write("dogs/f.bmp", 5, 5, 6);
    write("dogs/g.png", 7, 3, 7);
    write("dogs/skipped.gif", 4, 4, 8);
    Files.writeString(dir.resolve("dogs/notes.txt"), "not an image");
    Files.writeString(dir.resolve("readme.txt"), "not a class");
  }

  private void write(String name, int h, int w, int seed) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(
            x, y, ((seed * 40 + x * 30) & 255) << 16 | ((y * 50) & 255) << 8 | (x * y * 9) & 255);
      }
    }
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    String format = name.substring(name.lastIndexOf('.') + 1);
    assertTrue(ImageIO.write(img, format, f.toFile()), format);
  }

  private static DirectoryFlowOptions quiet() {
    return new DirectoryFlowOptions().verbose(false);
  }

  private List<String> names(DirectoryIterator it) {
    List<String> out = new ArrayList<>();
    for (Path p : it.filepaths()) {
      out.add(dir.relativize(p).toString().replace('\\', '/'));
    }
    return out;
  }

  @Test
  void classesAndFilesComeInKerasOrder() {
    DirectoryIterator it = new ImageDataGenerator().flowFromDirectory(dir, quiet());
    assertEquals(Map.of("cats", 0, "dogs", 1), it.classIndices());
    assertEquals(List.of("cats", "dogs"), List.copyOf(it.classIndices().keySet()));
    assertEquals(
        List.of(
            "cats/a.png",
            "cats/b.png",
            "cats/sub/c.png",
            "dogs/d.png",
            "dogs/e.png",
            "dogs/f.bmp",
            "dogs/g.png"),
        names(it));
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1}, it.classes());
    assertEquals(7, it.size());
    assertEquals(1, it.length(), "ceil(7 / 32)");
  }

  @Test
  void batchesAreTheFilesResizedAndStandardizedWithOneHotLabels() {
    ImageDataGenerator g = new ImageDataGenerator().rescale(1f / 255);
    DirectoryIterator it =
        g.flowFromDirectory(dir, quiet().targetSize(4, 6).batchSize(3).shuffle(false));
    assertEquals(3, it.length());
    List<Path> files = it.filepaths();
    for (int b = 0; b < 3; b++) {
      StepData batch = it.get(b);
      int n = b < 2 ? 3 : 1;
      Tensor x = batch.inputs().get(0);
      assertArrayEquals(new int[] {n, 4, 6, 3}, x.shape());
      List<Tensor> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Path f = files.get(b * 3 + i);
        BufferedImage img = Images.loadImage(f, new LoadImageOptions().targetSize(4, 6));
        expected.add(Ops.multiply(Images.imageToTensor(img), 1f / 255));
      }
      assertArrayEquals(Ops.stack(expected, 0).toFloatArray(), x.toFloatArray(), 1e-7f);
      float[] y = batch.targets().get(0).toFloatArray();
      assertArrayEquals(new int[] {n, 2}, batch.targets().get(0).shape());
      for (int i = 0; i < n; i++) {
        int cls = it.classes()[b * 3 + i];
        assertEquals(cls == 0 ? 1f : 0f, y[i * 2]);
        assertEquals(cls == 1 ? 1f : 0f, y[i * 2 + 1]);
      }
    }
  }

  @Test
  void theValidationSplitTakesTheFirstFilesOfEveryClass() {
    ImageDataGenerator g = new ImageDataGenerator().validationSplit(0.5);
    DirectoryIterator val = g.flowFromDirectory(dir, quiet().subset("validation"));
    DirectoryIterator train = g.flowFromDirectory(dir, quiet().subset("training"));
    // cats: int(0.5 * 3) = 1 file validates; dogs: int(0.5 * 4) = 2.
    assertEquals(List.of("cats/a.png", "dogs/d.png", "dogs/e.png"), names(val));
    assertEquals(List.of("cats/b.png", "cats/sub/c.png", "dogs/f.bmp", "dogs/g.png"), names(train));
    assertArrayEquals(new int[] {0, 1, 1}, val.classes());
  }

  @Test
  void everyClassMode() {
    ImageDataGenerator g = new ImageDataGenerator();
    for (String mode : new String[] {"binary", "sparse"}) {
      StepData b =
          g.flowFromDirectory(dir, quiet().classMode(mode).shuffle(false).targetSize(3, 3)).get(0);
      assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 1}, b.targets().get(0).toFloatArray(), mode);
    }
    StepData in =
        g.flowFromDirectory(dir, quiet().classMode("input").shuffle(false).targetSize(3, 3)).get(0);
    assertArrayEquals(in.inputs().get(0).toFloatArray(), in.targets().get(0).toFloatArray());
    StepData none =
        g.flowFromDirectory(dir, quiet().classMode(null).targetSize(3, 3).colorMode("grayscale"))
            .get(0);
    assertTrue(none.targets().isEmpty());
    assertArrayEquals(new int[] {7, 3, 3, 1}, none.inputs().get(0).shape());
  }

  @Test
  void augmentationAndOrderAreSeeded() {
    ImageDataGenerator g =
        new ImageDataGenerator().rotationRange(30).zoomRange(0.2).horizontalFlip(true);
    DirectoryFlowOptions o = quiet().targetSize(6, 6).batchSize(4).seed(7);
    DirectoryIterator a = g.flowFromDirectory(dir, o);
    DirectoryIterator b = g.flowFromDirectory(dir, o);
    DirectoryIterator c = g.flowFromDirectory(dir, quiet().targetSize(6, 6).batchSize(4).seed(8));
    float[] a0 = a.get(0).inputs().get(0).toFloatArray();
    assertArrayEquals(a0, b.get(0).inputs().get(0).toFloatArray(), 0f, "same seed, same batch");
    assertFalse(
        java.util.Arrays.equals(a0, c.get(0).inputs().get(0).toFloatArray()), "another seed");
    Set<String> seen = new HashSet<>();
    for (int e = 0; e < 6; e++) {
      seen.add(java.util.Arrays.toString(a.get(0).targets().get(0).toFloatArray()));
      a.onEpochEnd();
    }
    assertTrue(seen.size() > 1, "the order is shuffled every epoch: " + seen);
  }

  @Test
  void fitTrainsOnTheBatches() {
    Keras.setRandomSeed(5);
    Sequential m =
        new Sequential(Input.of(8, 8, 3), new Conv2D(4, 3), new Flatten(), new Dense(2, "softmax"));
    m.compile(new Adam(0.01), "categorical_crossentropy");
    ImageDataGenerator g = new ImageDataGenerator().rescale(1f / 255).horizontalFlip(true);
    History h =
        m.fit(
            g.flowFromDirectory(dir, quiet().targetSize(8, 8).batchSize(4).seed(1)),
            Quiet.fit().epochs(3));
    List<Double> loss = h.history().get("loss");
    assertEquals(3, loss.size());
    assertTrue(loss.stream().allMatch(v -> Double.isFinite(v) && v > 0), loss.toString());
  }

  @Test
  void badInputIsRefusedClearly() throws IOException {
    ImageDataGenerator g = new ImageDataGenerator();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.flowFromDirectory(dir.resolve("missing"), quiet()));
    assertTrue(e.getMessage().contains("Received: directory=" + dir.resolve("missing")));
    e = assertThrows(IllegalArgumentException.class, () -> quiet().classMode("labels"));
    assertTrue(e.getMessage().endsWith("Received: classMode=labels"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.flowFromDirectory(dir, quiet().subset("training")));
    assertTrue(e.getMessage().contains("validationSplit"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.flowFromDirectory(dir, quiet().classes(List.of("cats", "birds"))));
    assertTrue(e.getMessage().contains("birds"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> g.validationSplit(1.0));
    assertTrue(e.getMessage().endsWith("Received: validationSplit=1.0"), e.getMessage());

    Path broken = dir.resolve("cats/broken.png");
    Files.writeString(broken, "these bytes are not a PNG");
    DirectoryIterator it = g.flowFromDirectory(dir, quiet().shuffle(false).targetSize(4, 4));
    UncheckedIOException u = assertThrows(UncheckedIOException.class, () -> it.get(0));
    assertTrue(u.getMessage().contains(broken.toString()), u.getMessage());
  }
}

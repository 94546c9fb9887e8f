package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that must not load, each refused with a {@link KerasFileException} naming the file and what
 * is wrong (the exact message): unsafe zip entries, entries over their limit, missing entries,
 * weights that disagree with the config, truncated files, unknown formats; and {@link
 * Model#loadWeights} of a {@code .weights.h5} and of a legacy {@code .h5}.
 */
class KerasFileSafetyTest {
  private static final String MNIST = "keras_models/keras3/mnist_cnn_keras3.13.keras";

  @TempDir Path tmp;

  private static Map<String, byte[]> entries(Path keras) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(keras.toFile())) {
      for (ZipEntry e : zip.stream().toList()) {
        out.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    return out;
  }

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path p = tmp.resolve(name);
    try (OutputStream os = Files.newOutputStream(p);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return p;
  }

  private static void assertRefused(Path file, String problem) {
    KerasFileException e = assertThrows(KerasFileException.class, () -> Model.load(file));
    assertEquals("Cannot load " + file + ": " + problem, e.getMessage());
    assertEquals(file, e.file());
  }

  @Test
  void zipEntryWithDotDotIsRefused() throws IOException {
    Map<String, byte[]> e = entries(KerasArchiveTest.file(MNIST));
    e.put("assets/../../evil.txt", new byte[] {1});
    Path p = zip("dotdot.keras", e);
    assertRefused(p, "the zip has an entry with an unsafe name. Received: 'assets/../../evil.txt'");
    assertEquals(false, Files.exists(tmp.getParent().resolve("evil.txt")));
  }

  @Test
  void absoluteZipEntryIsRefused() throws IOException {
    Map<String, byte[]> e = entries(KerasArchiveTest.file(MNIST));
    e.put("/etc/x", new byte[] {1});
    Path p = zip("absolute.keras", e);
    assertRefused(p, "the zip has an entry with an unsafe name. Received: '/etc/x'");
  }

  @Test
  void entryOverItsLimitIsRefused() throws IOException {
    Map<String, byte[]> e = entries(KerasArchiveTest.file(MNIST));
    e.put("metadata.json", new byte[(1 << 20) + 1]); // zeros: a few kB deflated
    Path p = zip("bomb.keras", e);
    assertRefused(p, "the zip entry metadata.json is larger than the limit of 1048576 bytes");
  }

  @Test
  void missingConfigIsRefused() throws IOException {
    Map<String, byte[]> e = entries(KerasArchiveTest.file(MNIST));
    e.remove("config.json");
    Path p = zip("noconfig.keras", e);
    assertRefused(p, "the .keras zip has no config.json entry");
  }

  @Test
  void weightsOfAnotherModelAreRefusedNamingTheLayer() throws IOException {
    Map<String, byte[]> e = entries(KerasArchiveTest.file(MNIST));
    e.put(
        "model.weights.h5",
        entries(KerasArchiveTest.file("keras_models/keras3/gru_forecast_keras3.15.keras"))
            .get("model.weights.h5"));
    Path p = zip("swapped.keras", e);
    assertRefused(p, "no weights for layer 'conv2d' (Conv2D): the group /layers/conv2d is missing");
  }

  @Test
  void shapeDisagreeingWithTheConfigIsRefusedNamingLayerAndWeight() throws IOException {
    Map<String, byte[]> e = entries(KerasArchiveTest.file(MNIST));
    String config = new String(e.get("config.json"), StandardCharsets.UTF_8);
    String changed = config.replace("\"units\": 128", "\"units\": 64");
    assertEquals(false, changed.equals(config), "the config has Dense(128)");
    e.put("config.json", changed.getBytes(StandardCharsets.UTF_8));
    Path p = zip("shapes.keras", e);
    assertRefused(
        p,
        "the weight /layers/dense/vars/0 of layer 'dense' has shape [1600, 128]; the layer's"
            + " weight kernel has shape [1600, 64]");
  }

  @Test
  void truncatedFilesAreRefused() throws IOException {
    byte[] h5 =
        Files.readAllBytes(
            KerasArchiveTest.file("keras_models/keras3/mnist_cnn_keras3.13_legacy.h5"));
    Path cut = tmp.resolve("cut.h5");
    Files.write(cut, Arrays.copyOf(h5, 4096));
    KerasFileException e = assertThrows(KerasFileException.class, () -> Model.load(cut));
    assertEquals(cut, e.file());
    byte[] keras = Files.readAllBytes(KerasArchiveTest.file(MNIST));
    Path cutZip = tmp.resolve("cut.keras");
    Files.write(cutZip, Arrays.copyOf(keras, keras.length / 2));
    assertRefused(cutZip, "not a readable zip (zip END header not found)");
  }

  @Test
  void unknownFormatIsRefused() throws IOException {
    Path p = tmp.resolve("model.keras");
    Files.writeString(p, "not a model");
    assertRefused(
        p,
        "not a Keras file: it is neither a zip (.keras), HDF5 (.h5) nor JSON (first bytes"
            + " checked)");
  }

  /** A Keras 3 {@code .weights.h5} and a legacy .h5 give the same weights to a built model. */
  @Test
  void loadWeightsReadsBothLayouts() throws IOException {
    Path keras = KerasArchiveTest.file(MNIST);
    Path legacy = KerasArchiveTest.file("keras_models/keras3/mnist_cnn_keras3.13_legacy.h5");
    Model fromKeras = KerasSaveStructureTest.loadMnistKeras(keras);
    Model fromLegacy = Model.load(legacy);
    Path weights = tmp.resolve("mnist.weights.h5");
    Files.write(weights, entries(keras).get("model.weights.h5"));

    fromLegacy.loadWeights(weights); // now the .keras file's weights
    assertArrayEqualsExactly(fromKeras, fromLegacy);

    Model again = KerasSaveStructureTest.loadMnistKeras(keras);
    again.loadWeights(legacy);
    assertArrayEqualsExactly(Model.load(legacy), again);
  }

  private static void assertArrayEqualsExactly(Model expected, Model actual) {
    List<Tensor> e = expected.getWeights();
    List<Tensor> a = actual.getWeights();
    assertEquals(e.size(), a.size());
    for (int i = 0; i < e.size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          e.get(i).toFloatArray(), a.get(i).toFloatArray(), "weight " + i);
    }
  }
}

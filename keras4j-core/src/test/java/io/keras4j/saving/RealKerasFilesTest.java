package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Tensor;
import io.keras4j.datasets.Mnist;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.ModelRequirements;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Topologies written by real Keras (2.x, 3.x and the TF.js converter) read with {@link
 * Models#modelFromJson}, from ../shared/data/keras_models (property {@code keras4j.data.dir}).
 */
class RealKerasFilesTest {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  private static Path file(String relative) {
    assumeTrue(DATA != null, "shared data directory absent (set -Dkeras4j.data.dir)");
    Path p = DATA.resolve(relative);
    assumeTrue(Files.exists(p), "not found: " + p + " (set -Dkeras4j.data.dir)");
    return p;
  }

  @Test
  void keras3ModelConvertedToTfjsPredictsMnistAsKeras() throws IOException {
    Path dir = file("keras_models/keras3/tfjs_converter_mnist_mlp");
    String json = Files.readString(dir.resolve("model.json"));
    Model model = Models.modelFromJson(json);
    assertInstanceOf(Sequential.class, model);
    assertEquals(101_770, model.countParams()); // 784*128+128 + 128*10+10
    model.setWeights(tfjsWeights(GoldenData.readJson(dir.resolve("model.json")), dir));

    Map<String, Object> ref = GoldenData.readJson(dir.resolve("mnist_reference.json"));
    Tensor images = mnistImages(file("datasets/mnist/t10k-images-idx3-ubyte.gz"));
    int[] labels = Mnist.readLabels(file("datasets/mnist/t10k-labels-idx1-ubyte.gz")).toIntArray();
    Tensor probabilities = model.predict(images, Quiet.predict().batchSize(256));
    int[] predicted = Ops.argmax(probabilities, -1).toIntArray();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    assertEquals(
        ((Number) ref.get("accuracy")).doubleValue(), correct / (double) labels.length, 1e-9);
    @SuppressWarnings("unchecked")
    List<Object> first = (List<Object>) ref.get("first20_outputs");
    float[] p = probabilities.toFloatArray();
    for (int r = 0; r < first.size(); r++) {
      float[] expected = GoldenData.floats(first.get(r));
      for (int c = 0; c < 10; c++) {
        assertEquals(expected[c], p[r * 10 + c], 1e-5, "row " + r + " class " + c);
      }
    }
  }

  @Test
  void keras2FunctionalConfigWithAdd() throws IOException {
    String json =
        Files.readString(file("keras_models/dl4j/no_reference/simple_add_tf_keras_2.json"));
    Model model = Models.modelFromJson(json);
    assertEquals(16 * 8 + 8 + 32 * 8 + 8 + 8 * 4 + 4, model.countParams());
    assertEquals(List.of("dense_6"), model.outputNames());
    assertEquals(2, model.inputs().size());
    String summary = model.summary(108);
    assertTrue(summary.contains("add_2 (Add)"), summary);
    // The two inputs of the Add wrap onto two lines of the column, as rich wraps them.
    assertTrue(summary.contains("│ dense_4[0][0],"), summary);
    assertTrue(summary.contains("│ dense_5[0][0]"), summary);
    Tensor out =
        model.predict(List.of(Tensor.ones(3, 16), Tensor.ones(3, 32)), Quiet.predict()).get(0);
    assertEquals(List.of(3, 4), List.of(out.dim(0), out.dim(1)));
  }

  /** Keras 2 files whose layers come in later releases: skipped, naming them, until then. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "keras_models/dl4j/no_reference/keras2_mlp_fapi_multiloss_config.json",
        "keras_models/dl4j/no_reference/model_concat_embedding_sequences_tf_keras_2.json"
      })
  void otherKeras2ConfigsLoadOnceTheirLayersExist(String name) throws IOException {
    Map<String, Object> entry = GoldenData.readJson(file(name));
    List<String> missing = ModelRequirements.missing(entry);
    assumeTrue(missing.isEmpty(), () -> name + " needs " + missing + " (later releases)");
    Model model = Models.modelFromJson(Files.readString(DATA.resolve(name)));
    assertTrue(model.countParams() > 0, name);
  }

  /** TF.js weights: the manifest's tensors, little-endian float32, one after another. */
  @SuppressWarnings("unchecked")
  private static List<Tensor> tfjsWeights(Map<String, Object> modelJson, Path dir)
      throws IOException {
    List<Tensor> out = new ArrayList<>();
    for (Object group : (List<Object>) modelJson.get("weightsManifest")) {
      Map<String, Object> g = (Map<String, Object>) group;
      ByteArrayBuilder bytes = new ByteArrayBuilder();
      for (Object path : (List<Object>) g.get("paths")) {
        bytes.add(Files.readAllBytes(dir.resolve((String) path)));
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes.toArray()).order(ByteOrder.LITTLE_ENDIAN);
      for (Object w : (List<Object>) g.get("weights")) {
        Map<String, Object> spec = (Map<String, Object>) w;
        assertEquals("float32", spec.get("dtype"));
        int[] shape = GoldenData.ints(spec.get("shape"));
        float[] values = new float[(int) io.keras4j.Shapes.size(shape)];
        buf.asFloatBuffer().get(values);
        buf.position(buf.position() + 4 * values.length);
        out.add(Tensor.of(values, shape));
      }
    }
    return out;
  }

  private static final class ByteArrayBuilder {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    void add(byte[] b) {
      out.writeBytes(b);
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }

  /** MNIST images as [n, 784] floats in [0, 1] (pixels / 255, as the reference). */
  private static Tensor mnistImages(Path file) {
    Tensor raw = Mnist.readImages(file);
    float[] x = raw.toFloatArray();
    for (int i = 0; i < x.length; i++) {
      x[i] /= 255f;
    }
    return Tensor.of(x, raw.dim(0), raw.dim(1) * raw.dim(2));
  }
}

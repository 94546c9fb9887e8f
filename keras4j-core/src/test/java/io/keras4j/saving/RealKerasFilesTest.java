package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.ModelRequirements;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The topology of a TF.js model.json (its weights: TfJsLayersTest, through Model.load). */
  @Test
  void keras3ModelConvertedToTfjsHasItsTopologyRead() throws IOException {
    Path dir = file("keras_models/keras3/tfjs_converter_mnist_mlp");
    Model model = Models.modelFromJson(Files.readString(dir.resolve("model.json")));
    assertInstanceOf(Sequential.class, model);
    assertEquals(101_770, model.countParams()); // 784*128+128 + 128*10+10
    assertEquals(
        List.of("flatten", "dense", "dense_1"),
        model.layers().stream().map(l -> l.name()).toList());
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
}

package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.Tensor;
import io.keras4j.datasets.Mnist;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TF.js layers format: keras4j's own files round trip, a real converter file, hostile files.
 */
class TfJsLayersTest {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  @TempDir Path tmp;

  private static List<Tensor> predict(Model m, List<Tensor> x) {
    return x.size() == 1
        ? List.of(m.predict(x.get(0), Quiet.predict()))
        : m.predict(x, Quiet.predict().batchSize(32));
  }

  @Test
  void roundTripGivesIdenticalPredictions() {
    for (TfJsTestModels.Case c : TfJsTestModels.all()) {
      Path dir = tmp.resolve(c.name());
      c.model().saveTfJs(dir);
      Model back = Model.load(dir.resolve("model.json"));
      Model fromDir = Model.load(dir);
      List<Tensor> expected = predict(c.model(), c.inputs());
      for (Model m : List.of(back, fromDir)) {
        List<Tensor> got = predict(m, c.inputs());
        assertEquals(expected.size(), got.size(), c.name());
        for (int i = 0; i < got.size(); i++) {
          assertArrayEquals(expected.get(i).shape(), got.get(i).shape(), c.name());
          assertArrayEquals(
              expected.get(i).toFloatArray(), got.get(i).toFloatArray(), 0f, c.name());
        }
      }
      assertEquals(c.model().countParams(), back.countParams(), c.name());
      List<Tensor> w0 = c.model().getWeights();
      List<Tensor> w1 = back.getWeights();
      for (int i = 0; i < w0.size(); i++) {
        assertArrayEquals(w0.get(i).toFloatArray(), w1.get(i).toFloatArray(), 0f, c.name());
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void writesModelJsonAsTheConverterDoes() throws IOException {
    TfJsTestModels.Case c = TfJsTestModels.cnn();
    c.model().saveTfJs(tmp.resolve("cnn"));
    Map<String, Object> json = GoldenData.readJson(tmp.resolve("cnn/model.json"));
    assertEquals("layers-model", json.get("format"));
    Map<String, Object> topology = (Map<String, Object>) json.get("modelTopology");
    String config = Json.write(topology.get("model_config"));
    assertTrue(config.contains("\"batch_input_shape\":[null,7,7,2]"), config);
    assertFalse(config.contains("batch_shape"), config);
    assertFalse(config.contains("DTypePolicy"), config);
    assertFalse(config.contains("registered_name"), config);
    List<Object> groups = (List<Object>) json.get("weightsManifest");
    Map<String, Object> g = (Map<String, Object>) groups.get(0);
    assertEquals(List.of("group1-shard1of1.bin"), g.get("paths"));
    List<String> names =
        ((List<Object>) g.get("weights"))
            .stream().map(w -> (String) ((Map<String, Object>) w).get("name")).toList();
    assertEquals(
        List.of(
            "conv2d/kernel",
            "conv2d/bias",
            "batch_normalization/gamma",
            "batch_normalization/beta",
            "batch_normalization/moving_mean",
            "batch_normalization/moving_variance",
            "conv2d_1/kernel",
            "conv2d_1/bias",
            "dense/kernel",
            "dense/bias"),
        canonical(names));
    assertEquals(4L * c.model().countParams(), Files.size(tmp.resolve("cnn/group1-shard1of1.bin")));
    // Nothing is left next to the target: the temporary directory was moved in place.
    try (var files = Files.list(tmp)) {
      assertEquals(List.of("cnn"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void nestedModelsAndBidirectionalAreWrittenAsTensorFlowJsCountsAndNamesThem() {
    TfJsTestModels.Case c = TfJsTestModels.recurrentAndNested();
    Path dir = tmp.resolve("nested");
    c.model().saveTfJs(dir);
    Map<String, Object> json = GoldenData.readJson(dir.resolve("model.json"));
    Map<String, Object> config =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) json.get("modelTopology")).get("model_config"))
                .get("config");
    List<Map<String, Object>> layers = (List<Map<String, Object>>) config.get("layers");
    String nested = (String) layers.get(4).get("name");
    assertEquals("Sequential", layers.get(4).get("class_name"));
    // The outer call of a nested model with its own inputs is its node 1 (node 0: its inputs).
    assertEquals(
        List.of(List.of(List.of(nested, 1, 0, Map.of()))), layers.get(5).get("inbound_nodes"));
    String bidi = (String) layers.get(1).get("name");
    String inner = forwardName(c, bidi);
    List<String> names =
        ((List<Map<String, Object>>)
                ((Map<String, Object>) ((List<Object>) json.get("weightsManifest")).get(0))
                    .get("weights"))
            .stream().map(w -> (String) w.get("name")).toList();
    assertEquals(bidi + "/forward_" + inner + "/kernel", names.get(0));
    assertEquals(bidi + "/backward_" + inner + "/kernel", names.get(3));
  }

  private static String forwardName(TfJsTestModels.Case c, String bidi) {
    return ((io.keras4j.layers.Bidirectional) c.model().getLayer(bidi)).forwardLayer().name();
  }

  /** Layer names as numbered in this JVM (other tests create layers too) mapped to first use. */
  private static List<String> canonical(List<String> names) {
    java.util.Map<String, String> seen = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    return names.stream()
        .map(
            n -> {
              String layer = n.substring(0, n.indexOf('/'));
              String base = layer.replaceAll("_\\d+$", "");
              String mapped =
                  seen.computeIfAbsent(
                      layer,
                      k -> {
                        int i = counts.merge(base, 1, Integer::sum) - 1;
                        return i == 0 ? base : base + "_" + i;
                      });
              return mapped + n.substring(n.indexOf('/'));
            })
        .toList();
  }

  @Test
  void bigWeightsAreSplitIntoShardsOfAtMost4MB() throws IOException {
    Model m =
        new Sequential(
            io.keras4j.Input.of(1100),
            new io.keras4j.layers.Dense(1000),
            new io.keras4j.layers.Dense(3));
    TfJsTestModels.randomized(m, 11);
    Path dir = tmp.resolve("big");
    m.saveTfJs(dir);
    long total = 4L * m.countParams();
    assertEquals(4 * (1100 * 1000 + 1000 + 1000 * 3 + 3), total);
    assertEquals(4 * 1024 * 1024, Files.size(dir.resolve("group1-shard1of2.bin")));
    assertEquals(total - 4 * 1024 * 1024, Files.size(dir.resolve("group1-shard2of2.bin")));
    Tensor x = TfJsTestModels.uniform(12, 2, 1100);
    assertArrayEquals(
        m.predict(x, Quiet.predict()).toFloatArray(),
        Model.load(dir).predict(x, Quiet.predict()).toFloatArray(),
        0f);
    // Saving again replaces the model (the directory holds nothing else).
    Model small = TfJsTestModels.mlp().model();
    small.saveTfJs(dir);
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count());
    }
  }

  @Test
  void savingRefusesToDeleteOtherFiles() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TfJsTestModels.mlp().model().saveTfJs(dir));
    assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void realConverterModelReproducesItsMnistAccuracy() {
    Path dir = data("keras_models/keras3/tfjs_converter_mnist_mlp");
    Model model = Model.load(dir.resolve("model.json"));
    assertInstanceOf(Sequential.class, model);
    assertEquals(101_770, model.countParams()); // 784*128+128 + 128*10+10
    Map<String, Object> ref = GoldenData.readJson(dir.resolve("mnist_reference.json"));
    Tensor images = mnistImages(data("datasets/mnist/t10k-images-idx3-ubyte.gz"));
    int[] labels = Mnist.readLabels(data("datasets/mnist/t10k-labels-idx1-ubyte.gz")).toIntArray();
    Tensor probabilities = model.predict(images, Quiet.predict().batchSize(256));
    int[] predicted = Ops.argmax(probabilities, -1).toIntArray();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    assertEquals(0.9765, correct / (double) labels.length, 1e-9);
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

  // ---- hostile files ---------------------------------------------------------------------

  private Path savedMlp() {
    Path dir = tmp.resolve("victim");
    TfJsTestModels.mlp().model().saveTfJs(dir);
    return dir;
  }

  private static void edit(Path dir, String from, String to) throws IOException {
    Path json = dir.resolve("model.json");
    String s = Files.readString(json);
    assertTrue(s.contains(from), from);
    Files.writeString(json, s.replace(from, to));
  }

  private static String loadError(Path dir) {
    KerasFileException e = assertThrows(KerasFileException.class, () -> Model.load(dir));
    assertEquals(dir.resolve("model.json"), e.file());
    return e.getMessage();
  }

  @Test
  void shardPathsOutsideTheDirectoryAreRefused() throws IOException {
    Path dir = savedMlp();
    Files.copy(dir.resolve("group1-shard1of1.bin"), tmp.resolve("outside.bin"));
    for (String hostile : List.of("../outside.bin", tmp.resolve("outside.bin").toString(), "")) {
      Path d = tmp.resolve("copy" + hostile.length());
      TfJsTestModels.mlp().model().saveTfJs(d);
      edit(d, "\"group1-shard1of1.bin\"", Json.write(hostile));
      String m = loadError(d);
      assertTrue(m.contains("unsafe shard path") && m.contains(hostile), m);
    }
  }

  @Test
  void aShardLinkingOutsideTheDirectoryAndGraphModelsAreRefused() throws IOException {
    Path dir = savedMlp();
    Path shard = dir.resolve("group1-shard1of1.bin");
    Path outside = Files.move(shard, tmp.resolve("elsewhere.bin"));
    Files.createSymbolicLink(shard, outside);
    String m = loadError(dir);
    assertTrue(m.contains("links outside the model's directory"), m);

    Path graph = tmp.resolve("graph");
    TfJsTestModels.mlp().model().saveTfJs(graph);
    edit(graph, "\"format\":\"layers-model\"", "\"format\":\"graph-model\"");
    m = loadError(graph);
    assertTrue(m.contains("Received: format=graph-model"), m);
  }

  @Test
  void aShortShardNamesTheWeightThatDoesNotFit() throws IOException {
    Path dir = savedMlp();
    Path shard = dir.resolve("group1-shard1of1.bin");
    byte[] b = Files.readAllBytes(shard);
    Files.write(shard, java.util.Arrays.copyOf(b, b.length - 4));
    String m = loadError(dir);
    assertTrue(m.contains("end before the weight") && m.contains("/bias"), m);
    assertTrue(m.contains("group1-shard1of1.bin"), m);
    Files.write(shard, java.util.Arrays.copyOf(b, b.length + 8));
    m = loadError(dir);
    assertTrue(m.contains("8 bytes more than the weights"), m);
  }

  @Test
  void unknownDtypesQuantizationAndWrongShapesAreRefused() throws IOException {
    Path dir = savedMlp();
    edit(dir, "\"shape\":[6,8],\"dtype\":\"float32\"", "\"shape\":[6,8],\"dtype\":\"complex64\"");
    String m = loadError(dir);
    assertTrue(m.contains("Received: dtype=complex64") && m.contains("/kernel"), m);

    dir = tmp.resolve("q");
    TfJsTestModels.mlp().model().saveTfJs(dir);
    edit(
        dir,
        "\"shape\":[6,8],\"dtype\":\"float32\"",
        "\"shape\":[6,8],\"dtype\":\"float32\",\"quantization\":{\"dtype\":\"uint8\",\"scale\":0.1,\"min\":-1}");
    m = loadError(dir);
    assertTrue(m.contains("quantized"), m);

    dir = tmp.resolve("shape");
    TfJsTestModels.mlp().model().saveTfJs(dir);
    edit(dir, "\"shape\":[6,8]", "\"shape\":[8,6]");
    m = loadError(dir);
    assertTrue(m.contains("has shape [8, 6]") && m.contains("[6, 8]"), m);

    dir = tmp.resolve("gigantic");
    TfJsTestModels.mlp().model().saveTfJs(dir);
    edit(dir, "\"shape\":[6,8]", "\"shape\":[2000000000,2000000000]");
    m = loadError(dir);
    assertTrue(m.contains("gigantic shape"), m);

    dir = tmp.resolve("missing");
    TfJsTestModels.mlp().model().saveTfJs(dir);
    Files.delete(dir.resolve("group1-shard1of1.bin"));
    m = loadError(dir);
    assertTrue(m.contains("group1-shard1of1.bin is missing"), m);
  }

  private static Path data(String relative) {
    assumeTrue(DATA != null, "shared data directory absent (set -Dkeras4j.data.dir)");
    Path p = DATA.resolve(relative);
    assumeTrue(Files.exists(p), "not found: " + p + " (set -Dkeras4j.data.dir)");
    return p;
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

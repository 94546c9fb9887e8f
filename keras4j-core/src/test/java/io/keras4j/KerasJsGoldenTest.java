package io.keras4j;

import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.GoldenTally;
import io.keras4j.testing.ModelRequirements;
import io.keras4j.testing.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Layer outputs from real Keras 2.1 (the keras-js test data): one dynamic test per case id of
 * {@code layers/**.json} under {@code keras4j.kerasjs.dir}. The model of each case comes from
 * {@link KerasJsCases}; a case runs when every layer it needs is registered and is skipped, naming
 * what is missing, otherwise.
 *
 * <p>Tolerance {@code 1e-5 + 1e-5 * |expected|}: the files round inputs, weights and outputs to 6
 * decimals (up to 5e-7 each), and float32 sums of a few such products move the result by a few 1e-7
 * relative; a numpy replay of these models with the rounded data differs from the expected values
 * by at most 2e-6 relative (7.6e-6 absolute on outputs near 15).
 */
class KerasJsGoldenTest {
  private static final Tolerance TOLERANCE = Tolerance.allclose(1e-5, 1e-5);
  private static final GoldenTally TALLY = new GoldenTally("KerasJsGoldenTest");

  @TestFactory
  Stream<DynamicTest> kerasJsCases() {
    Path dir = GoldenData.dir("keras4j.kerasjs.dir", "../shared/data/keras_js_golden");
    Path layers = dir.resolve("layers");
    if (!Files.isDirectory(layers)) {
      String why =
          "no keras-js golden data: "
              + layers.toAbsolutePath()
              + " does not exist (set -Dkeras4j.kerasjs.dir)";
      return Stream.of(
          DynamicTest.dynamicTest("keras-js golden data", () -> TALLY.skip(List.of(why))));
    }
    Path indexFile = dir.resolve("config_index.json");
    Map<String, Object> titles =
        Files.isRegularFile(indexFile) ? GoldenData.readJson(indexFile) : Map.of();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : GoldenData.jsonFiles(layers, true)) {
      for (Map.Entry<String, Object> e : GoldenData.readJson(file).entrySet()) {
        String id = e.getKey();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) e.getValue();
        Object title = titles.get(id);
        tests.add(
            DynamicTest.dynamicTest(
                id,
                TALLY.counted(id, () -> runCase(id, title == null ? "" : title.toString(), data))));
      }
    }
    return tests.stream();
  }

  @AfterAll
  static void printTally() {
    System.out.println(TALLY.line());
  }

  @SuppressWarnings("unchecked")
  private static void runCase(String id, String title, Map<String, Object> data) {
    Map<String, Object> input = (Map<String, Object>) data.get("input");
    Map<String, Object> expected = (Map<String, Object>) data.get("expected");
    List<Tensor> weights = GoldenData.tensors(data.get("weights"));
    int[] inputShape = GoldenData.ints(input.get("shape"));
    KerasJsCases.Plan plan = KerasJsCases.plan(id, inputShape, weights.size());
    List<String> missing =
        plan.model() == null ? plan.skip() : ModelRequirements.missing(plan.model());
    if (!missing.isEmpty()) {
      throw TALLY.skip(missing);
    }
    String what = id + (title.isEmpty() ? "" : " (" + title + ")");
    Model model = Models.modelFromJson(Json.write(plan.model()));
    model.setWeights(weights);
    int[] batchShape = GoldenData.withBatch(1, inputShape);
    Tensor x =
        plan.inputDtype() == DType.INT32
            ? Tensor.ofInts(GoldenData.ints(input.get("data")), batchShape)
            : Tensor.of(GoldenData.floats(input.get("data")), batchShape);
    Tensor y = model.predict(x, Quiet.predict());
    for (int i = 1; i < plan.predictions(); i++) {
      y = model.predict(x, Quiet.predict()); // stateful: states carried from the last predict
    }
    Closeness.assertClose(
        what + ", output 0",
        GoldenData.withBatch(1, GoldenData.ints(expected.get("shape"))),
        GoldenData.doubles(expected.get("data")),
        y,
        TOLERANCE);
  }
}

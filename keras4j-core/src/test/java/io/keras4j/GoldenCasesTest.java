package io.keras4j;

import io.keras4j.activations.Activations;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.saving.LayerRegistry;
import io.keras4j.testing.Closeness;
import io.keras4j.testing.Closeness.Tolerance;
import io.keras4j.testing.FunctionalJson;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.GoldenTally;
import io.keras4j.testing.ModelRequirements;
import io.keras4j.testing.Quiet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden values with Keras semantics (made by TensorFlow.js, see {@code tools/golden/README.md}):
 * one dynamic test per {@code cases/*.json} under {@code keras4j.golden.dir}, whatever the files
 * are called. Kinds: {@code predict} (model JSON, weights in Keras order, inputs, outputs) and
 * {@code activations}, {@code losses} (per-sample values of losses and metrics) and {@code train}
 * (steps of an optimizer: loss before, weights after; see {@link GoldenTraining}) are checked. A
 * case is skipped, naming what is missing, when it needs a layer class that is not registered (or
 * an activation or initializer name the catalogues do not know yet); every other case runs.
 *
 * <p>Tolerance: 1e-5 absolute, or 1e-5 relative where |expected| > 1.
 */
class GoldenCasesTest {
  private static final Tolerance TOLERANCE = Tolerance.absOrRel(1e-5, 1e-5);
  private static final GoldenTally TALLY = new GoldenTally("GoldenCasesTest");

  /**
   * Activations of the golden file written as a layer with arguments: {@code LeakyReLU(alpha=0.3)}.
   */
  private static final Pattern LAYER_FORM = Pattern.compile("([A-Za-z0-9_]+)\\((.*)\\)");

  @TestFactory
  Stream<DynamicTest> goldenCases() {
    Path dir = GoldenData.dir("keras4j.golden.dir", "../shared/data/golden");
    Path cases = dir.resolve("cases");
    if (!Files.isDirectory(cases)) {
      String why =
          "no golden cases: "
              + cases.toAbsolutePath()
              + " does not exist (set -Dkeras4j.golden.dir)";
      return Stream.of(DynamicTest.dynamicTest("golden cases", () -> TALLY.skip(List.of(why))));
    }
    return GoldenData.jsonFiles(cases, false).stream()
        .filter(p -> !p.getFileName().toString().equals("index.json"))
        .map(
            p -> {
              String file = p.getFileName().toString();
              String name = file.substring(0, file.length() - ".json".length());
              return DynamicTest.dynamicTest(name, TALLY.counted(name, () -> runCase(name, p)));
            });
  }

  @AfterAll
  static void printTally() {
    System.out.println(TALLY.line());
  }

  private static void runCase(String fileName, Path file) {
    Map<String, Object> c = GoldenData.readJson(file);
    String name = c.get("name") instanceof String s ? s : fileName;
    Object kind = c.get("kind");
    switch (String.valueOf(kind)) {
      case "predict" -> predict(name, c);
      case "activations" -> activations(name, c);
      case "losses" -> {
        if (GoldenTraining.losses(name, c) == 0) {
          throw TALLY.skip(List.of("no loss or metric values in the case"));
        }
      }
      case "train" -> {
        List<String> missing = GoldenTraining.trainRequirements(c);
        if (!missing.isEmpty()) {
          throw TALLY.skip(missing);
        }
        GoldenTraining.train(name, c);
      }
      default ->
          throw new IllegalArgumentException(
              "Golden case "
                  + name
                  + " ("
                  + file
                  + ") has an unknown kind. Received: kind="
                  + kind);
    }
  }

  @SuppressWarnings("unchecked")
  private static void predict(String name, Map<String, Object> c) {
    Map<String, Object> modelEntry = (Map<String, Object>) c.get("model");
    List<String> missing = ModelRequirements.missing(modelEntry);
    if (!missing.isEmpty()) {
      throw TALLY.skip(missing);
    }
    Model model = Models.modelFromJson(Json.write(modelEntry));
    model.setWeights(GoldenData.tensors(c.get("weights")));
    List<Tensor> inputs = new ArrayList<>();
    for (Object o : (List<Object>) c.get("inputs")) {
      Map<String, Object> in = (Map<String, Object>) o;
      inputs.add(GoldenData.tensor(in, DType.fromKeras((String) in.get("dtype"))));
    }
    List<Tensor> actual = model.predict(inputs, Quiet.predict());
    List<Object> outputs = (List<Object>) c.get("outputs");
    if (actual.size() != outputs.size()) {
      throw new AssertionError(
          name + ": expected " + outputs.size() + " outputs, the model gives " + actual.size());
    }
    for (int i = 0; i < outputs.size(); i++) {
      Map<String, Object> out = (Map<String, Object>) outputs.get(i);
      Closeness.assertClose(
          name + ": output " + i + " (" + out.get("name") + ")",
          GoldenData.ints(out.get("shape")),
          GoldenData.doubles(out.get("data")),
          actual.get(i),
          TOLERANCE);
    }
  }

  /**
   * Each named activation on the input vector (as one row, so that softmax covers the whole
   * vector). Entries keras4j cannot resolve yet are reported and left out; the case fails if any
   * checked entry differs, and is skipped if none could be checked.
   */
  @SuppressWarnings("unchecked")
  private static void activations(String name, Map<String, Object> c) {
    float[] input = GoldenData.floats(c.get("input"));
    Tensor x = Tensor.of(input, 1, input.length);
    Map<String, Object> outputs = (Map<String, Object>) c.get("outputs");
    List<String> unchecked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Object> e : outputs.entrySet()) {
      String entry = e.getKey();
      double[] expected = GoldenData.doubles(e.getValue());
      String what = name + ": " + entry + ", output 0";
      Tensor y;
      Matcher layerForm = LAYER_FORM.matcher(entry);
      if (layerForm.matches()) {
        String cls = layerForm.group(1);
        if (!LayerRegistry.isRegistered(cls)) {
          unchecked.add(entry + " (layer " + cls + ")");
          continue;
        }
        y = asLayer(cls, layerForm.group(2), x);
      } else {
        String kerasName = kerasActivationName(entry);
        if (kerasName.equals("hard_sigmoid")) {
          // tfjs computes Keras 2's clip(0.2x+0.5, 0, 1); Keras 3 computes relu6(x+3)/6.
          unchecked.add(entry + " (Keras 2 formula 0.2x+0.5; Keras 3 is relu6(x+3)/6)");
          continue;
        }
        try {
          Activations.get(kerasName);
        } catch (IllegalArgumentException ex) {
          unchecked.add(entry + " (activation " + kerasName + ")");
          continue;
        }
        y = Activations.get(kerasName).apply(x);
      }
      checked++;
      try {
        Closeness.assertClose(what, new int[] {1, expected.length}, expected, y, TOLERANCE);
      } catch (AssertionError err) {
        failures.add(err.getMessage());
      }
    }
    if (!unchecked.isEmpty()) {
      TALLY.note(
          name
              + ": "
              + checked
              + " of "
              + outputs.size()
              + " entries checked, not checked: "
              + String.join(", ", unchecked));
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(String.join("\n", failures));
    }
    if (checked == 0) {
      throw TALLY.skip(List.of("no activation of " + name + " resolvable yet"));
    }
  }

  /** tfjs names in camelCase ({@code hardSigmoid}) to Keras's snake_case ({@code hard_sigmoid}). */
  static String kerasActivationName(String tfjsName) {
    return tfjsName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Runs a layer written as {@code LeakyReLU(alpha=0.3)} through a one-layer model. */
  private static Tensor asLayer(String cls, String args, Tensor x) {
    Map<String, Object> config = FunctionalJson.cfg();
    for (String kv : args.split(",")) {
      if (kv.isBlank()) {
        continue;
      }
      String[] p = kv.split("=", 2);
      if (p.length != 2) {
        throw new IllegalArgumentException("Unreadable layer arguments: " + cls + "(" + args + ")");
      }
      config.put(p[0].trim(), Double.parseDouble(p[1].trim()));
    }
    FunctionalJson m = new FunctionalJson("activation_" + cls);
    String in = m.input("input_1", new int[] {x.dim(1)}, "float32");
    Model model = Models.modelFromJson(m.toJson(m.layer("layer_1", cls, config, in)));
    return model.predict(x, Quiet.predict());
  }
}

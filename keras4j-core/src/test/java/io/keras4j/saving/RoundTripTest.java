package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.DType;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.internal.Json;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Embedding;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.LSTM;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.losses.BinaryCrossentropy;
import io.keras4j.losses.Losses;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.Optimizers;
import io.keras4j.testing.GoldenData;
import io.keras4j.testing.ModelRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every seed model of the API contract and every golden case that builds a model goes through each
 * format ({@code .keras}, legacy {@code .h5}, TF.js layers) and comes back with bit-identical
 * predictions. A pair a format cannot hold is listed in {@link #CANNOT_HOLD} with the exact error
 * the save or load gives, and the test checks that error.
 */
class RoundTripTest {
  private static final PredictOptions QUIET = new PredictOptions().verbose(0);

  /** "case format" to the error message that format gives for that case. */
  private static final Map<String, String> CANNOT_HOLD =
      Map.of(
          "golden_lstm_legacy_hard_sigmoid keras",
          keras2HardSigmoid("golden_lstm_legacy_hard_sigmoid.keras"),
          "golden_lstm_legacy_hard_sigmoid h5",
          keras2HardSigmoid("golden_lstm_legacy_hard_sigmoid.h5"));

  /** A TF.js LSTM with Keras 2's hard_sigmoid: Keras 3 formats cannot express it. */
  private static String keras2HardSigmoid(String file) {
    return "Cannot save "
        + file
        + " in a Keras 3 format: layer(s) [lstm_LSTM2] compute Keras 2's hard_sigmoid"
        + " clip(0.2x + 0.5, 0, 1) (read from a Keras 2 or TF.js config), which Keras 3 reads as"
        + " relu6(x + 3) / 6; save them in the TF.js format (saveTfJs), whose hard_sigmoid is"
        + " Keras 2's";
  }

  @TempDir Path dir;

  /** A model (with its weights) and inputs to predict. */
  /** A model, its inputs, and for a golden training case its targets (else null). */
  private record Case(String name, Supplier<Model> model, List<Tensor> inputs, Tensor targets) {
    Case(String name, Supplier<Model> model, List<Tensor> inputs) {
      this(name, model, inputs, null);
    }
  }

  private static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    out.add(
        new Case(
            "seed_mlp",
            () -> {
              Keras.setRandomSeed(1);
              return new Sequential(
                  new Dense(128, "relu").inputShape(100),
                  new Dense(256, "relu"),
                  new Dense(10, "softmax"));
            },
            List.of(KerasSaveTest.uniform(1, 3, 100))));
    // The seed CNN's layers on 48x68x3 images (its 480x680x3 input makes 167 M parameters,
    // 668 MB, too slow for a unit test; the layers and their configs are the same).
    out.add(
        new Case(
            "seed_cnn_small_input",
            () -> {
              Keras.setRandomSeed(2);
              var cnn =
                  new Sequential(
                      new Conv2D(16, 3).padding("same").activation("relu").inputShape(48, 68, 3),
                      new MaxPooling2D(),
                      new Conv2D(32, 3).padding("same").activation("relu"),
                      new MaxPooling2D(),
                      new Conv2D(64, 3).padding("same").activation("relu"),
                      new MaxPooling2D(),
                      new Flatten(),
                      new Dense(512, "relu"),
                      new Dense(1));
              cnn.compile(new Adam(1e-3), "mean_squared_error");
              return cnn;
            },
            List.of(KerasSaveTest.uniform(2, 2, 48, 68, 3))));
    out.add(
        new Case(
            "seed_rnn",
            () -> {
              Keras.setRandomSeed(3);
              var rnn =
                  new Sequential(
                      new Embedding(8000, 64),
                      new Bidirectional(new LSTM(64)),
                      new Dense(64, "relu"),
                      new Dense(1));
              rnn.build(-1, -1);
              rnn.compile(new Adam(1e-3), new BinaryCrossentropy().fromLogits(true), "accuracy");
              return rnn;
            },
            List.of(KerasSaveTest.ids(3, 8000, 2, 7))));
    out.addAll(goldenCases());
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Case> goldenCases() {
    Path cases = GoldenData.dir("keras4j.golden.dir", "../shared/data/golden").resolve("cases");
    List<Case> out = new ArrayList<>();
    if (!Files.isDirectory(cases)) {
      return out;
    }
    for (Path p : GoldenData.jsonFiles(cases, false)) {
      String file = p.getFileName().toString();
      if (file.equals("index.json")) {
        continue;
      }
      Map<String, Object> c = GoldenData.readJson(p);
      String kind = String.valueOf(c.get("kind"));
      if (!kind.equals("predict") && !kind.equals("train")) {
        continue; // activations and losses build no model
      }
      String name = "golden_" + file.substring(0, file.length() - ".json".length());
      Map<String, Object> modelEntry = (Map<String, Object>) c.get("model");
      List<String> missing = ModelRequirements.missing(modelEntry);
      List<Tensor> inputs = new ArrayList<>();
      if (kind.equals("predict")) {
        for (Object o : (List<Object>) c.get("inputs")) {
          Map<String, Object> in = (Map<String, Object>) o;
          inputs.add(GoldenData.tensor(in, DType.fromKeras((String) in.get("dtype"))));
        }
      } else {
        inputs.add(GoldenData.tensor((Map<String, Object>) c.get("x"), DType.FLOAT32));
      }
      out.add(
          new Case(
              name,
              () -> {
                assumeTrue(missing.isEmpty(), "the golden suite skips it too: " + missing);
                Model m = Models.modelFromJson(Json.write(modelEntry));
                m.setWeights(
                    GoldenData.tensors(
                        c.get(kind.equals("train") ? "initial_weights" : "weights")));
                if (kind.equals("train")) { // compiled and one step trained: optimizer state too
                  Map<String, Object> opt =
                      new LinkedHashMap<>((Map<String, Object>) c.get("optimizer_keras"));
                  String cls = (String) opt.remove("class_name");
                  m.compile(
                      new CompileOptions()
                          .optimizer(
                              Optimizers.deserialize(
                                  Map.of("class_name", cls, "config", new LinkedHashMap<>(opt))))
                          .loss(Losses.get((String) c.get("loss_keras"))));
                  m.trainOnBatch(
                      inputs.get(0),
                      GoldenData.tensor((Map<String, Object>) c.get("y"), DType.FLOAT32));
                }
                return m;
              },
              inputs,
              kind.equals("train")
                  ? GoldenData.tensor((Map<String, Object>) c.get("y"), DType.FLOAT32)
                  : null));
    }
    return out;
  }

  /**
   * Issue 12's training continuation: every compiled case (the seed CNN and BiLSTM, the golden
   * training cases, each already one step into training) saved as {@code .keras} and as {@code
   * .h5}, loaded, and trained one more step gives bit for bit the weights of one more step without
   * the save (the optimizer's slots and step count came back). Targets: the golden case's own, or
   * zeros for the seeds.
   */
  @TestFactory
  Stream<DynamicTest> compiledModelsContinueTrainingAfterLoad() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      if (!c.name().startsWith("seed_cnn")
          && !c.name().startsWith("seed_rnn")
          && c.targets() == null) {
        continue; // not compiled
      }
      for (String format : List.of("keras", "h5")) {
        if (!CANNOT_HOLD.containsKey(c.name() + " " + format)) {
          tests.add(
              DynamicTest.dynamicTest(
                  c.name() + " " + format, () -> assertTrainingContinues(c, format)));
        }
      }
    }
    return tests.stream();
  }

  private void assertTrainingContinues(Case c, String format) {
    Model model = c.model().get();
    assertTrue(model.isCompiled(), c.name());
    List<Tensor> y = new ArrayList<>();
    if (c.targets() != null) {
      y.add(c.targets());
    } else {
      for (Tensor out : model.predict(c.inputs(), QUIET)) {
        y.add(Tensor.zeros(out.shape()));
      }
    }
    Keras.setRandomSeed(5);
    model.trainOnBatch(c.inputs(), y, null); // a step before the save: the optimizer has state
    Path file = dir.resolve(c.name() + "_continued." + format);
    model.save(file);
    Model back = Model.load(file);
    Keras.setRandomSeed(6);
    model.trainOnBatch(c.inputs(), y, null);
    Keras.setRandomSeed(6);
    back.trainOnBatch(c.inputs(), y, null);
    List<Tensor> expected = model.getWeights();
    List<Tensor> actual = back.getWeights();
    assertEquals(expected.size(), actual.size(), c.name());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(
          expected.get(i).toFloatArray(),
          actual.get(i).toFloatArray(),
          c.name() + " " + format + ": weight " + i + " after one more step");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyModelThroughEveryFormat() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      for (String format : List.of("keras", "h5", "tfjs")) {
        tests.add(DynamicTest.dynamicTest(c.name() + " " + format, () -> roundTrip(c, format)));
      }
    }
    return tests.stream();
  }

  private void roundTrip(Case c, String format) {
    Model model = c.model().get();
    String expectedError = CANNOT_HOLD.get(c.name() + " " + format);
    Path file =
        switch (format) {
          case "keras" -> dir.resolve(c.name() + ".keras");
          case "h5" -> dir.resolve(c.name() + ".h5");
          default -> dir.resolve(c.name() + "_tfjs");
        };
    Runnable saveAndLoad =
        () -> {
          if (format.equals("tfjs")) {
            model.saveTfJs(file);
          } else {
            model.save(file);
          }
        };
    if (expectedError != null) {
      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () -> {
                saveAndLoad.run();
                Model.load(file);
              });
      assertEquals(expectedError, e.getMessage());
      return;
    }
    saveAndLoad.run();
    Model back = Model.load(file);
    List<Tensor> expected = model.predict(c.inputs(), QUIET);
    List<Tensor> actual = back.predict(c.inputs(), QUIET);
    assertEquals(expected.size(), actual.size(), c.name());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).shape(), actual.get(i).shape(), c.name());
      assertArrayEquals(
          expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), c.name() + " " + format);
    }
    assertEquals(
        model.isCompiled() && !format.equals("tfjs"), back.isCompiled() && !format.equals("tfjs"));
  }
}

package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ProgbarLogger's output, byte for byte. The expected strings were produced by running Keras 3's
 * own {@code keras/src/callbacks/progbar_logger.py} and {@code keras/src/utils/progbar.py}
 * (keras-team/keras 3422977) under a fake clock ({@code time.time = lambda: ns / 1e9}, {@code
 * _last_update = -1e9}, {@code _dynamic_display} forced) with the same hook calls.
 */
class ProgbarLoggerTest {
  static final long MS = 1_000_000L;

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  long now;

  String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static String bs(int n) {
    return "\b".repeat(n);
  }

  static Map<String, Double> logs(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  ProgbarLogger logger(int verbose, int epochs, Integer steps, boolean dynamic) {
    ProgbarLogger p = new ProgbarLogger(out, () -> now).dynamicDisplay(dynamic).plainText(false);
    Map<String, Object> params = new HashMap<>();
    params.put("verbose", verbose);
    params.put("epochs", epochs);
    params.put("steps", steps);
    p.setParams(params);
    return p;
  }

  /** Two epochs of three batches with a validation pass, as fit drives them. */
  void fit(Callback p, boolean secondEpoch) {
    now = 0;
    p.onTrainBegin(Map.of());
    p.onEpochBegin(0, Map.of());
    now = 100 * MS;
    p.onTrainBatchEnd(0, logs("accuracy", 0.5, "loss", 0.9));
    now = 200 * MS;
    p.onTrainBatchEnd(1, logs("accuracy", 0.625, "loss", 0.7));
    now = 300 * MS;
    p.onTrainBatchEnd(2, logs("accuracy", 0.75, "loss", 0.6));
    now = 310 * MS;
    p.onTestBegin(Map.of()); // validation inside fit is not drawn
    now = 320 * MS;
    p.onTestBatchEnd(0, logs("accuracy", 0.5, "loss", 0.8));
    now = 330 * MS;
    p.onTestEnd(logs("accuracy", 0.5, "loss", 0.8));
    now = 340 * MS;
    p.onEpochEnd(0, logs("accuracy", 0.75, "loss", 0.6, "val_accuracy", 0.5, "val_loss", 0.8));
    if (!secondEpoch) {
      return;
    }
    p.onEpochBegin(1, Map.of());
    now = 1340 * MS;
    p.onTrainBatchEnd(0, logs("accuracy", 0.875, "loss", 0.4));
    now = 1350 * MS;
    p.onTrainBatchEnd(1, logs("accuracy", 0.9, "loss", 0.35)); // within 50 ms: not drawn
    now = 2340 * MS;
    p.onTrainBatchEnd(2, logs("accuracy", 0.95, "loss", 0.3));
    now = 2400 * MS;
    p.onEpochEnd(1, logs("accuracy", 0.95, "loss", 0.3, "val_accuracy", 0.75, "val_loss", 0.5));
    p.onTrainEnd(Map.of());
  }

  @Test
  void fitVerboseOneOnALogWritesLines() {
    fit(logger(1, 2, 3, false), true);
    assertEquals(
        "Epoch 1/2\n"
            + "\n"
            + "\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.5000 - loss: 0.9000\n"
            + "\u001b[1m2/3\u001b[0m \u001b[32m━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.6250 - loss: 0.7000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.7500 - loss: 0.6000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 120ms/step - accuracy: 0.7500 - loss: 0.6000 - val_accuracy: 0.5000 - val_loss: 0.8000\n"
            + "Epoch 2/2\n"
            + "\n"
            + "\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m2s\u001b[0m 1s/step - accuracy: 0.8750 - loss: 0.4000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 500ms/step - accuracy: 0.9500 - loss: 0.3000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m2s\u001b[0m 530ms/step - accuracy: 0.9500 - loss: 0.3000 - val_accuracy: 0.7500 - val_loss: 0.5000\n",
        output());
  }

  @Test
  void fitVerboseOneOnATerminalRewritesTheLine() {
    fit(logger(1, 2, 3, true), true);
    assertEquals(
        "Epoch 1/2\n"
            + "\r\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.5000 - loss: 0.9000"
            + bs(72)
            + "\r\u001b[1m2/3\u001b[0m \u001b[32m━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.6250 - loss: 0.7000"
            + bs(72)
            + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.7500 - loss: 0.6000"
            + bs(72)
            + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 120ms/step - accuracy: 0.7500 - loss: 0.6000 - val_accuracy: 0.5000 - val_loss: 0.8000\n"
            + "Epoch 2/2\n"
            + "\r\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m2s\u001b[0m 1s/step - accuracy: 0.8750 - loss: 0.4000"
            + bs(69)
            + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 500ms/step - accuracy: 0.9500 - loss: 0.3000"
            + bs(72)
            + "\r\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m2s\u001b[0m 530ms/step - accuracy: 0.9500 - loss: 0.3000 - val_accuracy: 0.7500 - val_loss: 0.5000\n",
        output());
  }

  @Test
  void fitVerboseTwoWritesOneLinePerEpoch() {
    fit(logger(2, 2, 3, false), true);
    assertEquals(
        "Epoch 1/2\n"
            + "3/3 - 0s - 113ms/step - accuracy: 0.7500 - loss: 0.6000 - val_accuracy: 0.5000 - val_loss: 0.8000\n"
            + "Epoch 2/2\n"
            + "3/3 - 2s - 687ms/step - accuracy: 0.9500 - loss: 0.3000 - val_accuracy: 0.7500 - val_loss: 0.5000\n",
        output());
  }

  @Test
  void fitVerboseZeroWritesNothing() {
    fit(logger(0, 2, 3, false), true);
    assertEquals("", output());
  }

  @Test
  void unknownStepsAndASingleEpoch() {
    fit(logger(1, 1, null, false), false);
    assertEquals(
        "\n"
            + "      1/Unknown \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.5000 - loss: 0.9000\n"
            + "      2/Unknown \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.6250 - loss: 0.7000\n"
            + "      3/Unknown \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.7500 - loss: 0.6000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 120ms/step - accuracy: 0.7500 - loss: 0.6000 - val_accuracy: 0.5000 - val_loss: 0.8000\n",
        output());
  }

  @Test
  void throughACallbackListTheSameOutput() {
    ProgbarLogger p = new ProgbarLogger(out, () -> now).dynamicDisplay(false).plainText(false);
    CallbackList list = new CallbackList(List.of(p), true, true);
    assertEquals(p, list.progbar()); // the given logger is used, no second one is added
    list.setParams(Map.of("verbose", 1, "epochs", 2, "steps", 3));
    fit(list, true);
    assertEquals(
        "Epoch 1/2\n"
            + "\n"
            + "\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.5000 - loss: 0.9000\n"
            + "\u001b[1m2/3\u001b[0m \u001b[32m━━━━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.6250 - loss: 0.7000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - accuracy: 0.7500 - loss: 0.6000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 120ms/step - accuracy: 0.7500 - loss: 0.6000 - val_accuracy: 0.5000 - val_loss: 0.8000\n"
            + "Epoch 2/2\n"
            + "\n"
            + "\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m2s\u001b[0m 1s/step - accuracy: 0.8750 - loss: 0.4000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 500ms/step - accuracy: 0.9500 - loss: 0.3000\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m2s\u001b[0m 530ms/step - accuracy: 0.9500 - loss: 0.3000 - val_accuracy: 0.7500 - val_loss: 0.5000\n",
        output());
  }

  @Test
  void evaluateShowsItsOwnBar() {
    ProgbarLogger p = logger(1, 1, 2, false);
    now = 0;
    p.onTestBegin(Map.of());
    now = 50 * MS;
    p.onTestBatchEnd(0, logs("loss", 0.5));
    now = 150 * MS;
    p.onTestBatchEnd(1, logs("loss", 0.25));
    now = 160 * MS;
    p.onTestEnd(logs("loss", 0.25));
    assertEquals(
        "\n"
            + "\u001b[1m1/2\u001b[0m \u001b[32m━━━━━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 50ms/step - loss: 0.5000\n"
            + "\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 100ms/step - loss: 0.2500\n"
            + "\u001b[1m2/2\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 110ms/step - loss: 0.2500\n",
        output());
  }

  @Test
  void predictShowsABarWithoutValues() {
    ProgbarLogger p = logger(1, 1, 3, false);
    now = 0;
    p.onPredictBegin(Map.of());
    for (int b = 0; b < 3; b++) {
      now = 40 * MS * (b + 1);
      p.onPredictBatchEnd(b, logs("outputs", 1.0));
    }
    now = 130 * MS;
    p.onPredictEnd(Map.of());
    assertEquals(
        "\n"
            + "\u001b[1m1/3\u001b[0m \u001b[32m━━━━━━\u001b[0m\u001b[37m━━━━━━━━━━━━━━\u001b[0m \u001b[1m0s\u001b[0m 40ms/step\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 40ms/step\n"
            + "\u001b[1m3/3\u001b[0m \u001b[32m━━━━━━━━━━━━━━━━━━━━\u001b[0m\u001b[37m\u001b[0m \u001b[1m0s\u001b[0m 45ms/step\n",
        output());
  }

  @Test
  void autoVerboseIsOneAndBadVerboseIsRefused() {
    ProgbarLogger p = new ProgbarLogger(out, () -> now).dynamicDisplay(false).plainText(false);
    p.setParams(Map.of("verbose", "auto", "epochs", 3, "steps", 1));
    p.onEpochBegin(1, Map.of());
    assertEquals("Epoch 2/3\n", output());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> p.setParams(Map.of("verbose", 5, "epochs", 1, "steps", 1)));
    assertEquals(
        "ProgbarLogger: params verbose must be 0, 1, 2 or \"auto\". Received: verbose=5",
        e.getMessage());
  }

  @Test
  void aRealFitLoggedToAFileIsPlainTextWithTheTimePerStep() {
    var m =
        new io.keras4j.models.Sequential(
            io.keras4j.Input.of(2), new io.keras4j.layers.Dense(1).useBias(false));
    m.compile(new io.keras4j.optimizers.SGD(0.1), "mse");
    io.keras4j.Tensor x = io.keras4j.Tensor.ones(8, 2);
    // Not a terminal: nothing is set, the logger finds out.
    m.fit(
        x,
        io.keras4j.Tensor.ones(8, 1),
        new io.keras4j.models.FitOptions()
            .epochs(2)
            .batchSize(4)
            .verbose(1)
            .callbacks(new ProgbarLogger(out)));
    String text = output();
    org.junit.jupiter.api.Assertions.assertFalse(text.contains("\r"), text);
    org.junit.jupiter.api.Assertions.assertFalse(text.contains("\u001b["), text);
    List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
    assertEquals("Epoch 1/2", lines.get(0));
    List<String> finals = lines.stream().filter(l -> l.startsWith("2/2 ")).toList();
    // As Keras: per epoch the last batch's line (unless within 0.05 s of the one before), then
    // the epoch's final line.
    org.junit.jupiter.api.Assertions.assertTrue(finals.size() >= 2 && finals.size() <= 4, text);
    assertEquals(lines.get(lines.size() - 1), finals.get(finals.size() - 1));
    for (String l : finals) {
      org.junit.jupiter.api.Assertions.assertTrue(
          l.matches("2/2 ━{20} \\d+s \\d+(s|ms|us)/step - loss: \\d\\.\\d{4}(e-\\d\\d)? *"), l);
    }
  }
}

package io.keras4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.callbacks.TensorBoard;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.schedules.ExponentialDecay;
import io.keras4j.tensorboard.WireFormat.EventFile;
import io.keras4j.tensorboard.WireFormat.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code fit} with the TensorBoard callback (3 epochs of 4 batches, validation data,
 * histograms every epoch, batch logging), its log read back by {@link WireFormat}, the tests' own
 * reader: every summary Keras 3 writes is there with the numbers the training produced.
 */
class TensorBoardFitTest {
  private static final int EPOCHS = 3;
  private static final int BATCHES = 4; // 40 rows, batch size 10

  @TempDir static Path dir;

  static Sequential model;
  static History history;
  static Recorder recorder;
  static EventFile train;
  static EventFile validation;
  static Path trainFile;

  /** What the training loop handed to callbacks: batch logs and the weights at each epoch end. */
  static final class Recorder extends Callback {
    final List<Map<String, Double>> batchLogs = new ArrayList<>();
    final List<Map<String, float[]>> epochWeights = new ArrayList<>();

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
      batchLogs.add(new LinkedHashMap<>(logs));
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      Map<String, float[]> w = new HashMap<>();
      for (Layer layer : model().layers()) {
        for (Variable v : layer.weights()) {
          w.put(v.path(), v.numpy().toFloatArray());
        }
      }
      epochWeights.add(w);
    }
  }

  static Tensor features(int rows, int offset) {
    float[] x = new float[rows * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(0.7 * (i + offset));
    }
    return Tensor.of(x, rows, 3);
  }

  static Tensor targets(Tensor x) {
    float[] a = x.toFloatArray();
    float[] y = new float[a.length / 3];
    for (int i = 0; i < y.length; i++) {
      y[i] = a[3 * i] - 2 * a[3 * i + 1] + 0.5f * a[3 * i + 2];
    }
    return Tensor.of(y, y.length, 1);
  }

  static Path onlyFile(Path runDir) throws IOException {
    try (Stream<Path> s = Files.list(runDir)) {
      List<Path> files = s.toList();
      assertEquals(1, files.size(), "one event file in " + runDir + ": " + files);
      return files.get(0);
    }
  }

  @BeforeAll
  static void fit() throws IOException {
    model =
        new Sequential(
            Input.of(3), new Dense(4, "tanh").name("hidden"), new Dense(1).name("output"));
    model.compile(new SGD(new ExponentialDecay(0.1, 4, 0.5)), "mean_squared_error", "mae");
    Tensor x = features(40, 0);
    Tensor xVal = features(10, 1000);
    recorder = new Recorder();
    TensorBoard tb = new TensorBoard(dir.resolve("logs")).histogramFreq(1).updateFreq("batch");
    history =
        model.fit(
            x,
            targets(x),
            new FitOptions()
                .verbose(0)
                .epochs(EPOCHS)
                .batchSize(10)
                .shuffle(false)
                .validationData(xVal, targets(xVal))
                .callbacks(recorder, tb));
    trainFile = onlyFile(dir.resolve("logs/train"));
    train = WireFormat.read(Files.readAllBytes(trainFile));
    validation = WireFormat.read(Files.readAllBytes(onlyFile(dir.resolve("logs/validation"))));
  }

  static void assertSteps(List<Value> values, long... steps) {
    assertArrayEquals(steps, values.stream().mapToLong(Value::step).toArray());
  }

  @Test
  void filesAreNamedAndStartAsTensorFlowWritesThem() {
    assertTrue(
        trainFile
            .getFileName()
            .toString()
            .matches("events\\.out\\.tfevents\\.\\d{10}\\..+\\.\\d+\\.\\d+\\.v2"),
        trainFile.toString());
    assertEquals("brain.Event:2", train.fileVersion());
    assertEquals("brain.Event:2", validation.fileVersion());
    double now = System.currentTimeMillis() / 1000.0;
    assertTrue(train.firstWallTime() > now - 600 && train.firstWallTime() <= now);
  }

  @Test
  void epochMetricsOfTrainingAndValidation() {
    for (String name : List.of("loss", "mae")) {
      List<Value> t = train.tagged("epoch_" + name);
      List<Value> v = validation.tagged("epoch_" + name);
      assertSteps(t, 0, 1, 2);
      assertSteps(v, 0, 1, 2);
      for (int e = 0; e < EPOCHS; e++) {
        assertEquals(history.get(name).get(e).floatValue(), t.get(e).floatScalar(), name);
        assertEquals(history.get("val_" + name).get(e).floatValue(), v.get(e).floatScalar());
        assertEquals("scalars", t.get(e).plugin());
        assertEquals(1, t.get(e).dataClass()); // DATA_CLASS_SCALAR
      }
    }
    assertTrue(train.tagged("epoch_val_loss").isEmpty());
    assertTrue(validation.tagged("epoch_learning_rate").isEmpty());
  }

  @Test
  void learningRateOfTheScheduleAtEachEpochEnd() {
    List<Value> lr = train.tagged("epoch_learning_rate");
    assertSteps(lr, 0, 1, 2);
    for (int e = 0; e < EPOCHS; e++) {
      // ExponentialDecay(0.1, 4, 0.5) after 4 * (e + 1) steps
      double expected = 0.1 * Math.pow(0.5, e + 1);
      assertEquals(expected, lr.get(e).floatScalar(), 1e-7 * expected);
    }
  }

  @Test
  void batchMetricsEveryBatchWithTheGlobalBatchAsStep() {
    assertEquals(EPOCHS * BATCHES, recorder.batchLogs.size());
    for (String name : List.of("loss", "mae")) {
      List<Value> b = train.tagged("batch_" + name);
      assertSteps(b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
      for (int i = 0; i < b.size(); i++) {
        assertEquals(recorder.batchLogs.get(i).get(name).floatValue(), b.get(i).floatScalar());
      }
    }
    assertTrue(validation.values().stream().noneMatch(v -> v.tag().startsWith("batch_")));
  }

  @Test
  void evaluationVsIterationsAfterEachValidation() {
    for (String name : List.of("loss", "mae")) {
      List<Value> v = validation.tagged("evaluation_" + name + "_vs_iterations");
      assertSteps(v, 4, 8, 12);
      for (int e = 0; e < EPOCHS; e++) {
        assertEquals(history.get("val_" + name).get(e).floatValue(), v.get(e).floatScalar());
      }
    }
  }

  @Test
  void weightHistogramsEveryEpoch() {
    List<String> paths = List.of("hidden/kernel", "hidden/bias", "output/kernel", "output/bias");
    for (String path : paths) {
      List<Value> h = train.tagged(path + "/histogram");
      assertSteps(h, 0, 1, 2);
      for (int e = 0; e < EPOCHS; e++) {
        Value v = h.get(e);
        assertEquals("histograms", v.plugin());
        float[] w = recorder.epochWeights.get(e).get(path);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float f : w) {
          min = Math.min(min, f);
          max = Math.max(max, f);
        }
        double[] rows = v.doubles();
        int k = rows.length / 3;
        assertArrayEquals(new long[] {k, 3}, v.shape());
        if (min == max) { // e.g. a bias still all zeros: one bucket around the value
          assertArrayEquals(new double[] {min - 0.5, max + 0.5, w.length}, rows, path);
          continue;
        }
        assertEquals(30, k, path);
        assertEquals(min, rows[0], path);
        assertEquals(max, rows[3 * k - 2], path);
        double total = 0;
        for (int i = 0; i < k; i++) {
          // each count is the number of weights within its edges (the last bucket closed)
          double left = rows[3 * i];
          double right = rows[3 * i + 1];
          boolean last = i == k - 1;
          long inside = 0;
          for (float f : w) {
            if (f >= left && (f < right || (last && f <= right))) {
              inside++;
            }
          }
          assertEquals(inside, rows[3 * i + 2], 0.0, path + " bucket " + i);
          total += rows[3 * i + 2];
        }
        assertEquals(w.length, total, 0.0, path);
      }
    }
  }

  @Test
  void theModelConfigForTheGraphDashboard() {
    List<Value> keras = train.tagged("keras");
    assertSteps(keras, 0);
    Value v = keras.get(0);
    assertEquals("graph_keras_model", v.plugin());
    assertEquals("1", new String(v.pluginContent(), StandardCharsets.UTF_8));
    assertEquals(7, v.dtype()); // DT_STRING
    assertEquals(1, v.stringVal().size());
    String json = new String(v.stringVal().get(0), StandardCharsets.UTF_8);
    assertEquals(model.toJson(), json);
    assertTrue(json.contains("\"hidden\""), json);
  }

  @Test
  void aFlippedByteIsACrcError() throws IOException {
    byte[] bytes = Files.readAllBytes(trainFile);
    byte[] inLength = bytes.clone();
    int second = 12 + (int) WireFormat.le(bytes, 0, 8) + 4; // the second record's header
    inLength[second] ^= 0x01;
    WireFormat.CorruptRecord e1 =
        assertThrows(WireFormat.CorruptRecord.class, () -> WireFormat.records(inLength));
    assertTrue(e1.getMessage().contains("length checksum"), e1.getMessage());
    byte[] inPayload = bytes.clone();
    inPayload[second + 12 + 5] ^= 0x40;
    WireFormat.CorruptRecord e2 =
        assertThrows(WireFormat.CorruptRecord.class, () -> WireFormat.records(inPayload));
    assertTrue(e2.getMessage().contains("payload checksum"), e2.getMessage());
  }
}

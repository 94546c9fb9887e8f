package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModelCheckpoint in real fits. The model is y = w x with w = 0 and targets 1 (x = 1): with SGD the
 * error e = w - 1 becomes e (1 - 2 lr) each step, so the losses are known: lr 0.25 for epochs 0 and
 * 1 (e: -0.5, -0.25; losses 0.25, 0.0625), lr 1.5 for epochs 2 and 3 (e: 0.5, -1; losses 0.25, 1).
 * The best epoch is epoch 1 in "min" mode, epoch 3 in "max" mode.
 */
class ModelCheckpointTest {
  @TempDir Path tmp;

  private static final Tensor X = Tensor.of(new float[] {1, 1, 1, 1}, 4, 1);
  private static final Tensor Y = Tensor.ones(4, 1);

  private static Sequential model() {
    Sequential m = new Sequential(Input.of(1), new Dense(1).useBias(false));
    m.setWeights(List.of(Tensor.of(new float[] {0}, 1, 1)));
    m.compile(new SGD(0.25), "mse");
    return m;
  }

  private final List<float[]> weightsAtEpochEnd = new ArrayList<>();

  private io.keras4j.callbacks.History fit(Sequential m, int batchSize, Callback... more) {
    List<Callback> cbs = new ArrayList<>();
    cbs.add(new LearningRateScheduler(epoch -> epoch < 2 ? 0.25 : 1.5));
    cbs.add(
        new Callback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            weightsAtEpochEnd.add(model().getWeights().get(0).toFloatArray());
          }
        });
    cbs.addAll(List.of(more));
    return m.fit(
        X,
        Y,
        new FitOptions()
            .epochs(4)
            .batchSize(batchSize)
            .shuffle(false)
            .verbose(0)
            .validationData(X, Y)
            .callbacks(cbs));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private float[] weightsIn(Path file) {
    Sequential fresh = model();
    fresh.loadWeights(file);
    return fresh.getWeights().get(0).toFloatArray();
  }

  @Test
  void saveBestOnlyKeepsTheWeightsOfTheBestEpoch() {
    Path file = tmp.resolve("best.weights.h5");
    ModelCheckpoint c =
        new ModelCheckpoint(file.toString()).saveBestOnly(true).saveWeightsOnly(true);
    io.keras4j.callbacks.History h = fit(model(), 4, c);
    List<Double> val = h.get("val_loss");
    assertEquals(0.0625, val.get(1), 1e-7);
    assertEquals(0.25, val.get(2), 1e-7);
    assertArrayEquals(new float[] {0.75f}, weightsAtEpochEnd.get(1));
    assertArrayEquals(weightsAtEpochEnd.get(1), weightsIn(file), 0f); // bit for bit
    assertEquals(0.0625, c.best(), 1e-7);
  }

  @Test
  void modeMaxAndAutoPickTheirDirection() {
    Path max = tmp.resolve("max.weights.h5");
    Path auto = tmp.resolve("auto.weights.h5");
    fit(
        model(),
        4,
        new ModelCheckpoint(max.toString()).saveBestOnly(true).saveWeightsOnly(true).mode("max"),
        new ModelCheckpoint(auto.toString()).saveBestOnly(true).saveWeightsOnly(true));
    assertArrayEquals(weightsAtEpochEnd.get(3), weightsIn(max), 0f);
    assertArrayEquals(weightsAtEpochEnd.get(1), weightsIn(auto), 0f);
  }

  @Test
  void initialValueThresholdMustBeBeatenFirst() {
    Path file = tmp.resolve("t.weights.h5");
    ModelCheckpoint c =
        new ModelCheckpoint(file.toString())
            .saveBestOnly(true)
            .saveWeightsOnly(true)
            .initialValueThreshold(0.05);
    fit(model(), 4, c);
    assertFalse(Files.exists(file), "no epoch beat 0.05");
    assertEquals(0.05, c.best());
  }

  @Test
  void fileNamesAreFormattedAsPythonWithOneBasedEpochs() throws IOException {
    String pattern = tmp.resolve("w.{epoch:02d}-{val_loss:.2f}.weights.h5").toString();
    fit(model(), 4, new ModelCheckpoint(pattern).saveWeightsOnly(true));
    // val_loss 0.25, 0.0625, 0.25, 1: Python's "{:.2f}" rounds the binary value half to even.
    assertEquals(
        List.of(
            "w.01-0.25.weights.h5",
            "w.02-0.06.weights.h5",
            "w.03-0.25.weights.h5",
            "w.04-1.00.weights.h5"),
        files());
    for (int e = 0; e < 4; e++) {
      String name = files().get(e);
      assertArrayEquals(weightsAtEpochEnd.get(e), weightsIn(tmp.resolve(name)), 0f, name);
    }
  }

  @Test
  void saveFreqInBatchesCountsAcrossEpochs() throws IOException {
    List<float[]> afterBatch = new ArrayList<>();
    Callback perBatch =
        new Callback() {
          @Override
          public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
            afterBatch.add(model().getWeights().get(0).toFloatArray());
          }
        };
    String pattern = tmp.resolve("b.{epoch:02d}-{batch:03d}.weights.h5").toString();
    // 4 rows in batches of 1: 4 steps an epoch, 16 in all; a save every 3 batches.
    fit(model(), 1, perBatch, new ModelCheckpoint(pattern).saveWeightsOnly(true).saveFreq(3));
    assertEquals(
        List.of(
            "b.01-003.weights.h5",
            "b.02-002.weights.h5",
            "b.03-001.weights.h5",
            "b.03-004.weights.h5",
            "b.04-003.weights.h5"),
        files());
    assertArrayEquals(afterBatch.get(2), weightsIn(tmp.resolve("b.01-003.weights.h5")), 0f);
    assertArrayEquals(afterBatch.get(11), weightsIn(tmp.resolve("b.03-004.weights.h5")), 0f);
  }

  @Test
  void aWholeModelIsSavedAsKeras() {
    Path file = tmp.resolve("m.keras");
    fit(model(), 4, new ModelCheckpoint(file));
    Model loaded = Model.load(file);
    assertArrayEquals(weightsAtEpochEnd.get(3), loaded.getWeights().get(0).toFloatArray(), 0f);
    assertTrue(loaded.isCompiled());
  }

  @Test
  void verboseMessagesAsKeras() {
    Path file = tmp.resolve("v.weights.h5");
    ModelCheckpoint c =
        new ModelCheckpoint(file.toString()).saveBestOnly(true).saveWeightsOnly(true).verbose(1);
    Fixtures.Captured out = Fixtures.capture(c);
    fit(model(), 4, c);
    assertEquals(
        "\nEpoch 1: val_loss improved from inf to 0.25000, saving model to "
            + file
            + "\n\nEpoch 2: val_loss improved from 0.25000 to 0.06250, saving model to "
            + file
            + "\n\nEpoch 3: val_loss did not improve from 0.06250\n"
            + "\nEpoch 4: val_loss did not improve from 0.06250\n",
        out.text());
  }

  @Test
  void aMissingMonitorWarnsAndSavesNothing() {
    Path file = tmp.resolve("x.weights.h5");
    try (Fixtures.Warnings w = new Fixtures.Warnings(ModelCheckpoint.class)) {
      fit(
          model(),
          4,
          new ModelCheckpoint(file.toString())
              .monitor("val_accuracy")
              .saveBestOnly(true)
              .saveWeightsOnly(true));
      assertEquals(
          List.of("Can save best model only with val_accuracy available, skipping."), w.messages);
    }
    assertFalse(Files.exists(file));
  }

  @Test
  void badFilePathsAndOptionsAreRefusedAsKerasRefusesThem() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("model.h5"));
    assertEquals(
        "The filepath provided must end in `.keras` (Keras model format). Received:"
            + " filepath=model.h5",
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModelCheckpoint("w.keras").saveWeightsOnly(true));
    assertEquals(
        "When using `saveWeightsOnly(true)` in `ModelCheckpoint`, the filepath provided must end"
            + " in `.weights.h5` (Keras weights format). Received: filepath=w.keras",
        e.getMessage());
    // A weights name without saveWeightsOnly(true): refused when fit starts.
    ModelCheckpoint weightsName = new ModelCheckpoint(tmp.resolve("w.weights.h5"));
    e = assertThrows(IllegalArgumentException.class, () -> fit(model(), 4, weightsName));
    assertTrue(e.getMessage().startsWith("The filepath provided must end in `.keras`"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras").saveFreq("batch"));
    assertEquals(
        "Unrecognized save_freq: batch. Expected save_freq are 'epoch' or integer values",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ModelCheckpoint("m.keras").mode("up"));
    // A name the logs cannot fill: Python's KeyError, named.
    String pattern = tmp.resolve("m-{val_acc:.2f}.keras").toString();
    e =
        assertThrows(
            IllegalArgumentException.class, () -> fit(model(), 4, new ModelCheckpoint(pattern)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Failed to format this callback filepath: \"" + pattern + "\". Reason: 'val_acc'"),
        e.getMessage());
  }
}

package io.keras4j.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.callbacks.TensorBoard;
import io.keras4j.layers.Dense;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import io.keras4j.tensorboard.WireFormat.EventFile;
import io.keras4j.tensorboard.WireFormat.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callback's options: what is written when, and what is refused. */
class TensorBoardCallbackTest {
  @TempDir Path dir;

  static Sequential model() {
    Sequential m = new Sequential(Input.of(2), new Dense(1));
    m.compile(new SGD(0.05), "mean_squared_error");
    return m;
  }

  static final Tensor X = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 6, 2);
  static final Tensor Y = Tensor.of(new float[] {1, 0, 1, 0, 1, 0}, 6, 1);

  static EventFile run(Path runDir) throws IOException {
    try (Stream<Path> s = Files.list(runDir)) {
      List<Path> files = s.toList();
      assertEquals(1, files.size(), files.toString());
      return WireFormat.read(Files.readAllBytes(files.get(0)));
    }
  }

  @Test
  void byDefaultEpochSummariesOnlyAndNoValidationRunWithoutValidation() throws IOException {
    Path logs = dir.resolve("logs");
    History h =
        model()
            .fit(
                X,
                Y,
                new FitOptions()
                    .verbose(0)
                    .epochs(2)
                    .batchSize(2)
                    .callbacks(new TensorBoard(logs.toString())));
    EventFile train = run(logs.resolve("train"));
    assertEquals(
        List.of("keras", "epoch_loss", "epoch_learning_rate", "epoch_loss", "epoch_learning_rate"),
        train.values().stream().map(Value::tag).toList());
    assertEquals(
        h.get("loss").get(1).floatValue(), train.tagged("epoch_loss").get(1).floatScalar());
    assertEquals(0.05f, train.tagged("epoch_learning_rate").get(0).floatScalar());
    assertFalse(Files.exists(logs.resolve("validation")));
  }

  @Test
  void everyNthBatchAndStepsPerSecondWithoutGraph() throws IOException {
    Path logs = dir.resolve("logs");
    TensorBoard tb =
        new TensorBoard(logs).updateFreq(2).writeGraph(false).writeStepsPerSecond(true);
    model().fit(X, Y, new FitOptions().verbose(0).epochs(2).batchSize(2).callbacks(tb));
    EventFile train = run(logs.resolve("train"));
    assertTrue(train.tagged("keras").isEmpty());
    // 3 batches an epoch, 6 in all: batches 2, 4 and 6
    assertEquals(
        List.of(2L, 4L, 6L), train.tagged("batch_loss").stream().map(Value::step).toList());
    List<Value> sps = train.tagged("batch_steps_per_second");
    assertEquals(List.of(2L, 4L, 6L), sps.stream().map(Value::step).toList());
    assertTrue(sps.stream().allMatch(v -> v.floatScalar() > 0), "positive rates");
    List<Value> eps = train.tagged("epoch_steps_per_second");
    assertEquals(List.of(0L, 1L), eps.stream().map(Value::step).toList());
    assertTrue(eps.stream().allMatch(v -> v.floatScalar() > 0), "positive rates");
  }

  @Test
  void aStandaloneEvaluateWritesEvaluationVsIterations() throws IOException {
    Path logs = dir.resolve("logs");
    Sequential m = model();
    m.fit(X, Y, new FitOptions().verbose(0).epochs(1).batchSize(3));
    Map<String, Double> result =
        m.evaluate(
            X,
            Y,
            new EvaluateOptions().verbose(0).callbacks(new TensorBoard(logs).writeGraph(false)));
    List<Value> v = run(logs.resolve("validation")).tagged("evaluation_loss_vs_iterations");
    assertEquals(1, v.size());
    assertEquals(2, v.get(0).step()); // two training steps so far
    assertEquals(result.get("loss").floatValue(), v.get(0).floatScalar());
  }

  @Test
  void refusesWhatItCannotDoNamingTheArgument() {
    TensorBoard tb = new TensorBoard(dir);
    assertEquals(
        "TensorBoard: profiling is not available with the JVM backend. Received: profileBatch=3"
            + " (must be 0)",
        assertThrows(IllegalArgumentException.class, () -> tb.profileBatch(3)).getMessage());
    assertEquals(
        "TensorBoard: embeddings are not supported yet. Received: embeddingsFreq=1 (must be 0)",
        assertThrows(IllegalArgumentException.class, () -> tb.embeddingsFreq(1)).getMessage());
    assertEquals(
        "TensorBoard: writing weights as images is not supported yet. Received:"
            + " writeImages=true (must be false)",
        assertThrows(UnsupportedOperationException.class, () -> tb.writeImages(true)).getMessage());
    assertEquals(
        "TensorBoard: updateFreq must be \"epoch\", \"batch\" or a positive number of batches."
            + " Received: updateFreq=\"often\"",
        assertThrows(IllegalArgumentException.class, () -> tb.updateFreq("often")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> tb.updateFreq(0));
    assertThrows(IllegalArgumentException.class, () -> tb.histogramFreq(-1));
    // the defaults are accepted
    tb.profileBatch(0).embeddingsFreq(0).writeImages(false).updateFreq("epoch");
    assertEquals(Path.of("logs"), new TensorBoard().logDir());
  }
}

package io.keras4j.callbacks;

import io.keras4j.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes logs that TensorBoard shows, as Keras's {@code keras.callbacks.TensorBoard}: under {@code
 * logDir}, a {@code train} run with the epoch metrics ({@code epoch_loss}, {@code epoch_mae}, ...),
 * {@code epoch_learning_rate}, the batch metrics ({@code batch_loss}, ... when {@code updateFreq}
 * is "batch" or a number of batches), the weight histograms and the model's configuration ({@code
 * keras}, for the graph dashboard); a {@code validation} run with the epoch metrics of the
 * validation data and {@code evaluation_<name>_vs_iterations} (step: the optimizer's iterations).
 * Epoch summaries have the epoch (from 0) as step, batch summaries the batch count since {@code
 * fit} began (from 1), as in Keras.
 *
 * <p>The event files are written by module {@code io.keras4j:keras4j-tensorboard}, which must be on
 * the class path or module path: without it the constructor fails, naming the artifact.
 *
 * <p>Two differences from Keras 3, both deliberate: histograms are tagged with the weight's path
 * ({@code dense/kernel/histogram}; Keras 3 uses the bare name, so two layers' kernels share a tag),
 * and {@code updateFreq(n)} writes batch summaries every n-th batch as Keras documents it (Keras 3
 * writes every batch).
 */
public class TensorBoard extends Callback {
  private final Path logDir;
  private final SummaryWriters service;
  private int histogramFreq;
  private boolean writeGraph = true;
  private boolean writeStepsPerSecond;
  private int updateFreq; // 0: "epoch"

  private SummaryWriter trainWriter;
  private SummaryWriter valWriter;
  private boolean training;
  private long globalTrainBatch;
  private long batchStartNanos;
  private long epochStartNanos;
  private long previousEpochIterations;

  /** Logs under "logs", Keras's default. */
  public TensorBoard() {
    this("logs");
  }

  /** Logs under {@code logDir}. */
  public TensorBoard(String logDir) {
    this(logDir == null ? null : Path.of(logDir));
  }

  /** Logs under {@code logDir}. */
  public TensorBoard(Path logDir) {
    if (logDir == null) {
      throw new IllegalArgumentException(
          "TensorBoard: logDir must not be null. Received: logDir=null");
    }
    this.logDir = logDir;
    this.service = SummaryWriters.find("TensorBoard");
  }

  /** The directory holding the {@code train} and {@code validation} runs. */
  public Path logDir() {
    return logDir;
  }

  /** Every how many epochs the weight histograms are written (0, the default: never). */
  public TensorBoard histogramFreq(int histogramFreq) {
    if (histogramFreq < 0) {
      throw new IllegalArgumentException(
          "TensorBoard: histogramFreq must be >= 0. Received: histogramFreq=" + histogramFreq);
    }
    this.histogramFreq = histogramFreq;
    return this;
  }

  /** Whether the model's configuration is written for the graph dashboard (default true). */
  public TensorBoard writeGraph(boolean writeGraph) {
    this.writeGraph = writeGraph;
    return this;
  }

  /** Weights as images: not supported yet; only false is accepted. */
  public TensorBoard writeImages(boolean writeImages) {
    if (writeImages) {
      throw new UnsupportedOperationException(
          "TensorBoard: writing weights as images is not supported yet. Received:"
              + " writeImages=true (must be false)");
    }
    return this;
  }

  /** Also logs training steps per second (per epoch, and per batch with batch logging). */
  public TensorBoard writeStepsPerSecond(boolean writeStepsPerSecond) {
    this.writeStepsPerSecond = writeStepsPerSecond;
    return this;
  }

  /** "epoch" (the default: metrics once per epoch) or "batch" (also after every batch). */
  public TensorBoard updateFreq(String updateFreq) {
    if ("epoch".equals(updateFreq)) {
      this.updateFreq = 0;
    } else if ("batch".equals(updateFreq)) {
      this.updateFreq = 1;
    } else {
      throw new IllegalArgumentException(
          "TensorBoard: updateFreq must be \"epoch\", \"batch\" or a positive number of batches."
              + " Received: updateFreq="
              + (updateFreq == null ? "null" : "\"" + updateFreq + "\""));
    }
    return this;
  }

  /** Also logs the batch metrics every {@code batches} batches. */
  public TensorBoard updateFreq(int batches) {
    if (batches < 1) {
      throw new IllegalArgumentException(
          "TensorBoard: updateFreq must be \"epoch\", \"batch\" or a positive number of batches."
              + " Received: updateFreq="
              + batches);
    }
    this.updateFreq = batches;
    return this;
  }

  /** Profiling is not available on the JVM backend: only 0 (off, the default) is accepted. */
  public TensorBoard profileBatch(int profileBatch) {
    if (profileBatch != 0) {
      throw new IllegalArgumentException(
          "TensorBoard: profiling is not available with the JVM backend. Received: profileBatch="
              + profileBatch
              + " (must be 0)");
    }
    return this;
  }

  /** Embedding projector logs are not supported yet: only 0 (off, the default) is accepted. */
  public TensorBoard embeddingsFreq(int embeddingsFreq) {
    if (embeddingsFreq != 0) {
      throw new IllegalArgumentException(
          "TensorBoard: embeddings are not supported yet. Received: embeddingsFreq="
              + embeddingsFreq
              + " (must be 0)");
    }
    return this;
  }

  // ---- hooks ---------------------------------------------------------------------------------

  @Override
  public void setModel(Model model) {
    super.setModel(model);
    closeWriters(); // Keras starts new writers for each model it is given
    if (writeGraph && model != null) {
      String json;
      try {
        json = model.toJson();
      } catch (RuntimeException e) {
        // As Keras: a model that cannot be serialized gets no graph, with a warning.
        System.getLogger(TensorBoard.class.getName())
            .log(
                System.Logger.Level.WARNING,
                "TensorBoard: model failed to serialize as JSON; no graph written: " + e);
        return;
      }
      train().modelConfig("keras", json, 0);
    }
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    training = true;
    globalTrainBatch = 0;
    previousEpochIterations = 0;
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    training = false;
    closeWriters();
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (writeStepsPerSecond) {
      Optimizer o = optimizer();
      previousEpochIterations = o == null ? 0 : o.iterations();
      epochStartNanos = System.nanoTime();
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    globalTrainBatch++;
    if (writeStepsPerSecond) {
      batchStartNanos = System.nanoTime();
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (updateFreq == 0 || globalTrainBatch % updateFreq != 0) {
      return;
    }
    if (writeStepsPerSecond) {
      double seconds = (System.nanoTime() - batchStartNanos) / 1e9;
      train().scalar("batch_steps_per_second", 1.0 / seconds, globalTrainBatch);
    }
    if (logs != null) {
      for (Map.Entry<String, Double> e : logs.entrySet()) {
        train().scalar("batch_" + e.getKey(), e.getValue(), globalTrainBatch);
      }
    }
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    Optimizer o = optimizer();
    if (o != null && logs != null && !logs.isEmpty()) {
      long iterations = o.iterations();
      for (Map.Entry<String, Double> e : logs.entrySet()) {
        validation()
            .scalar("evaluation_" + e.getKey() + "_vs_iterations", e.getValue(), iterations);
      }
      validation().flush();
    }
    if (!training) {
      closeWriters(); // a standalone evaluate: nothing follows
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logEpochMetrics(epoch, logs);
    if (histogramFreq > 0 && epoch % histogramFreq == 0) {
      logWeights(epoch);
    }
    // Each epoch's summaries are on disk when it ends.
    if (trainWriter != null) {
      trainWriter.flush();
    }
    if (valWriter != null) {
      valWriter.flush();
    }
  }

  // ---- what Keras writes ---------------------------------------------------------------------

  private void logEpochMetrics(int epoch, Map<String, Double> logs) {
    if (logs == null || logs.isEmpty()) {
      return;
    }
    Map<String, Double> trainLogs = new LinkedHashMap<>();
    Map<String, Double> valLogs = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      if (e.getKey().startsWith("val_")) {
        valLogs.put(e.getKey().substring(4), e.getValue());
      } else {
        trainLogs.put(e.getKey(), e.getValue());
      }
    }
    Optimizer o = optimizer();
    if (o != null) {
      trainLogs.put("learning_rate", o.learningRate());
    }
    if (writeStepsPerSecond) {
      double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
      long steps = (o == null ? 0 : o.iterations()) - previousEpochIterations;
      trainLogs.put("steps_per_second", steps / seconds);
    }
    for (Map.Entry<String, Double> e : trainLogs.entrySet()) {
      train().scalar("epoch_" + e.getKey(), e.getValue(), epoch);
    }
    for (Map.Entry<String, Double> e : valLogs.entrySet()) {
      validation().scalar("epoch_" + e.getKey(), e.getValue(), epoch);
    }
  }

  private void logWeights(int epoch) {
    for (Layer layer : model().layers()) {
      for (Variable w : layer.weights()) {
        String tag = w.path().replace(':', '_') + "/histogram";
        train().histogram(tag, w.numpy().toFloatArray(), epoch);
      }
    }
  }

  // ---- writers -------------------------------------------------------------------------------

  private Optimizer optimizer() {
    Model m = model();
    return m == null ? null : m.optimizer();
  }

  private SummaryWriter train() {
    if (trainWriter == null) {
      trainWriter = service.create(logDir.resolve("train"));
    }
    return trainWriter;
  }

  private SummaryWriter validation() {
    if (valWriter == null) {
      valWriter = service.create(logDir.resolve("validation"));
    }
    return valWriter;
  }

  private void closeWriters() {
    if (trainWriter != null) {
      trainWriter.close();
      trainWriter = null;
    }
    if (valWriter != null) {
      valWriter.close();
      valWriter = null;
    }
  }
}

package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.backend.StepPool;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.data.Dataset;
import io.keras4j.losses.InvalidTargetException;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.utils.Sequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code evaluate} (also run by {@code fit} on the validation data): each batch given to
 * {@link Trainer#testStep}.
 */
final class EvaluateLoop {
  private EvaluateLoop() {}

  /** Loss and metrics over x, y, by Keras name, sorted. */
  static Map<String, Double> evaluate(
      Trainer model, List<Tensor> x, List<Tensor> y, EvaluateOptions o) {
    return evaluate(model, new TrainingData(x, y, o.sampleWeight()), o.batchSize(), o);
  }

  static Map<String, Double> evaluate(Trainer model, Dataset data, EvaluateOptions o) {
    if (!data.isInMemory()) {
      FitLoop.streamingOptions(o.sampleWeight() != null, o.batchSizeSet(), "evaluate");
      try (DatasetBatches batches = new DatasetBatches(data, "evaluate", true, null, null)) {
        return evaluate(model, batches, o);
      }
    }
    Tensor sw = data.sampleWeights() != null ? data.sampleWeights() : o.sampleWeight();
    int batch = !o.batchSizeSet() && data.batchSize() != null ? data.batchSize() : o.batchSize();
    return evaluate(model, new TrainingData(data.inputs(), data.targets(), sw), batch, o);
  }

  /** Loss and metrics over a Sequence's batches, produced on background threads. */
  static Map<String, Double> evaluate(Trainer model, Sequence data, EvaluateOptions o) {
    if (o.sampleWeight() != null) {
      throw new IllegalArgumentException(
          "`sampleWeight` is not supported with a Sequence: return the sample weights from its"
              + " get(index) (StepData's third part).");
    }
    try (SequenceBatches batches = new SequenceBatches(data, false, 0L, null, "evaluate", true)) {
      return evaluate(model, batches, o);
    }
  }

  private static Map<String, Double> evaluate(
      Trainer model, TrainingData data, int batchSize, EvaluateOptions o) {
    if (!data.hasTargets()) {
      throw new IllegalArgumentException("evaluate needs targets: y is missing.");
    }
    return evaluate(model, new Batches(data, batchSize, false, 0L), o);
  }

  private static Map<String, Double> evaluate(
      Trainer model, BatchSource batches, EvaluateOptions o) {
    int steps = o.steps() != null ? o.steps() : batches.stepsPerPass();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", 1);
    params.put("steps", steps < 0 ? null : steps);
    params.put("verbose", o.verbose());
    CallbackList callbacks = Callbacks.list(o.callbacks(), false, o.verbose(), model, params);
    return run(model, batches, o.steps(), callbacks, "evaluate");
  }

  /**
   * Runs the test steps over {@code batches}, from a new pass.
   *
   * @param call what the data was given to, for errors naming a row of it
   */
  static Map<String, Double> run(
      Trainer model,
      BatchSource batches,
      Integer stepsOrNull,
      CallbackList callbacks,
      String call) {
    CompileState compiled = model.compiled("evaluate");
    int steps = stepsOrNull != null ? stepsOrNull : batches.stepsPerPass();
    Callbacks.buildFor(model, batches);
    batches.newPass();
    model.resetMetrics();
    callbacks.onTestBegin(Map.of());
    Map<String, Double> logs = null;
    for (int step = 0; steps < 0 ? batches.hasNext() : step < steps; step++) {
      callbacks.onTestBatchBegin(step, Map.of());
      try (StepPool.StepScope scope = compiled.stepScope()) {
        Batches.Batch b = batches.next();
        try {
          logs = Callbacks.sorted(model.testStep(b.data()));
        } catch (InvalidTargetException e) {
          throw b.inData(e, call);
        }
        model.clearCallLosses(); // they may hold step buffers
      }
      callbacks.onTestBatchEnd(step, logs);
    }
    batches.epochEnd();
    logs = new java.util.TreeMap<>(Callbacks.metricsResultOr(model, logs));
    callbacks.onTestEnd(logs);
    return logs;
  }
}

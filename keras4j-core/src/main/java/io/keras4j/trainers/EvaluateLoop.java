package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.backend.Buffers;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.data.Dataset;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras's {@code evaluate} (also run by {@code fit} on the validation data). */
public final class EvaluateLoop {
  private EvaluateLoop() {}

  /** Loss and metrics over x, y, by Keras name, sorted. */
  public static Map<String, Double> evaluate(
      Model model, Trainer trainer, List<Tensor> x, List<Tensor> y, EvaluateOptions o) {
    return evaluate(model, trainer, new TrainingData(x, y, o.sampleWeight()), o.batchSize(), o);
  }

  public static Map<String, Double> evaluate(
      Model model, Trainer trainer, Dataset data, EvaluateOptions o) {
    Tensor sw = data.sampleWeights() != null ? data.sampleWeights() : o.sampleWeight();
    int batch = !o.batchSizeSet() && data.batchSize() != null ? data.batchSize() : o.batchSize();
    return evaluate(model, trainer, new TrainingData(data.inputs(), data.targets(), sw), batch, o);
  }

  private static Map<String, Double> evaluate(
      Model model, Trainer trainer, TrainingData data, int batchSize, EvaluateOptions o) {
    if (!data.hasTargets()) {
      throw new IllegalArgumentException("evaluate needs targets: y is missing.");
    }
    int steps = o.steps() != null ? o.steps() : (data.size + batchSize - 1) / batchSize;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", 1);
    params.put("steps", steps);
    params.put("verbose", o.verbose());
    CallbackList callbacks = Callbacks.list(o.callbacks(), false, o.verbose(), model, params);
    return run(trainer, data, batchSize, o.steps(), callbacks);
  }

  static Map<String, Double> run(
      Trainer trainer,
      TrainingData data,
      int batchSize,
      Integer stepsOrNull,
      CallbackList callbacks) {
    Batches batches = new Batches(data, batchSize, false, 0L);
    int steps = stepsOrNull != null ? stepsOrNull : batches.stepsPerPass();
    trainer.resetMetrics();
    callbacks.onTestBegin(Map.of());
    for (int step = 0; step < steps; step++) {
      callbacks.onTestBatchBegin(step, Map.of());
      Map<String, Double> logs;
      try (Buffers.Scope scope = trainer.stepScope()) {
        Batches.Batch b = batches.next();
        trainer.testStep(b.x(), b.y(), b.sampleWeight());
        logs = trainer.results();
      }
      callbacks.onTestBatchEnd(step, logs);
    }
    Map<String, Double> logs = trainer.results();
    callbacks.onTestEnd(logs);
    return logs;
  }
}

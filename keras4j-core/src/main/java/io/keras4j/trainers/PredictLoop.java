package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.data.Dataset;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.StepData;
import io.keras4j.ops.Ops;
import io.keras4j.utils.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code predict}: {@link Trainer#predictStep} batch by batch, joined per output; callbacks
 * and a bar.
 */
final class PredictLoop {
  private PredictLoop() {}

  static List<Tensor> predict(Trainer model, List<Tensor> x, PredictOptions o) {
    return predict(model, x, o.batchSize(), o);
  }

  /** As above, in batches of {@code batchSize} rows (the options' other settings apply). */
  private static List<Tensor> predict(
      Trainer model, List<Tensor> x, int batchSize, PredictOptions o) {
    TrainingData data = new TrainingData(x, null, null);
    if (data.size == 0) {
      return model.predictStep(new StepData(x, List.of(), null));
    }
    return run(model, new Batches(data, batchSize, false, 0L), o);
  }

  /**
   * Predictions for a Dataset: an in-memory one in batches of its batch size (else the options'), a
   * streaming one element by element (their targets, if any, are not used).
   */
  static List<Tensor> predict(Trainer model, Dataset data, PredictOptions o) {
    if (data.isInMemory()) {
      int batch = data.batchSize() != null ? data.batchSize() : o.batchSize();
      return predict(model, data.inputs(), batch, o);
    }
    try (DatasetBatches batches = new DatasetBatches(data, "predict", false, null, o.steps())) {
      return run(model, batches, o);
    }
  }

  /** Predictions for a Sequence's batches (their targets, if any, are not used). */
  static List<Tensor> predict(Trainer model, Sequence data, PredictOptions o) {
    try (SequenceBatches batches = new SequenceBatches(data, false, 0L, null, "predict", false)) {
      return run(model, batches, o);
    }
  }

  private static List<Tensor> run(Trainer model, BatchSource batches, PredictOptions o) {
    int passSteps = batches.stepsPerPass();
    int steps =
        o.steps() == null ? passSteps : passSteps < 0 ? o.steps() : Math.min(o.steps(), passSteps);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", 1);
    params.put("steps", steps < 0 ? null : steps);
    params.put("verbose", o.verbose());
    CallbackList callbacks = Callbacks.list(o.callbacks(), false, o.verbose(), model, params);
    callbacks.onPredictBegin(Map.of());
    batches.newPass();
    List<List<Tensor>> parts = new ArrayList<>();
    for (int step = 0;
        (steps < 0 || step < steps) && (passSteps >= 0 || batches.hasNext());
        step++) {
      callbacks.onPredictBatchBegin(step, Map.of());
      StepData batch = batches.next().data();
      parts.add(model.pooledPredictStep(batch.inputs()));
      callbacks.onPredictBatchEnd(step, Map.of());
    }
    batches.epochEnd();
    callbacks.onPredictEnd(Map.of());
    List<Tensor> out = new ArrayList<>();
    for (int o2 = 0; o2 < parts.get(0).size(); o2++) {
      List<Tensor> pieces = new ArrayList<>();
      for (List<Tensor> p : parts) {
        pieces.add(p.get(o2));
      }
      out.add(joinRows(pieces));
    }
    return out;
  }

  private static Tensor joinRows(List<Tensor> pieces) {
    if (pieces.size() == 1) {
      return pieces.get(0);
    }
    return Ops.concatenate(pieces, 0);
  }
}

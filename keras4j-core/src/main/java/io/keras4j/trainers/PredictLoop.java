package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.data.Rows;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.StepData;
import io.keras4j.ops.Ops;
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
    TrainingData data = new TrainingData(x, null, null);
    if (data.size == 0) {
      return model.predictStep(new StepData(x, List.of(), null));
    }
    int batchSize = o.batchSize();
    int passSteps = (data.size + batchSize - 1) / batchSize;
    int steps = o.steps() != null ? Math.min(o.steps(), passSteps) : passSteps;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", 1);
    params.put("steps", steps);
    params.put("verbose", o.verbose());
    CallbackList callbacks = Callbacks.list(o.callbacks(), false, o.verbose(), model, params);
    callbacks.onPredictBegin(Map.of());
    List<List<Tensor>> parts = new ArrayList<>();
    for (int step = 0; step < steps; step++) {
      callbacks.onPredictBatchBegin(step, Map.of());
      int from = step * batchSize;
      int to = Math.min(data.size, from + batchSize);
      List<Tensor> batch = new ArrayList<>(x.size());
      for (Tensor t : data.x) {
        batch.add(from == 0 && to == data.size ? t : Rows.slice(t, from, to));
      }
      parts.add(model.predictStep(new StepData(batch, List.of(), null)));
      callbacks.onPredictBatchEnd(step, Map.of());
    }
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

package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.backend.StepPool;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import io.keras4j.losses.InvalidTargetException;
import io.keras4j.models.FitOptions;
import io.keras4j.random.SeedGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's {@code fit}: epochs of shuffled batches, each given to {@link Trainer#trainStep},
 * validation, callbacks and the History.
 */
final class FitLoop {
  private FitLoop() {}

  /** Trains the model on x, y as {@code model.fit} does. */
  static History fit(Trainer model, List<Tensor> x, List<Tensor> y, FitOptions o) {
    TrainingData all = new TrainingData(x, y, o.sampleWeight());
    return run(model, all, o.batchSize(), o);
  }

  /** Trains on a Dataset (its own batch size unless the options give one). */
  static History fit(Trainer model, Dataset data, FitOptions o) {
    if (o.validationSplit() > 0) {
      throw new IllegalArgumentException(
          "`validationSplit` is only supported for tensors, not for a Dataset. Split the Dataset"
              + " (io.keras4j.data.Splits) and pass validationData instead.");
    }
    Tensor sw = data.sampleWeights();
    if (o.sampleWeight() != null) {
      if (sw != null) {
        throw new IllegalArgumentException(
            "The Dataset carries sample weights and sampleWeight was given too: give one.");
      }
      sw = o.sampleWeight();
    }
    TrainingData all = new TrainingData(data.inputs(), data.targets(), sw);
    int batch = !o.batchSizeSet() && data.batchSize() != null ? data.batchSize() : o.batchSize();
    return run(model, all, batch, o);
  }

  private static History run(Trainer model, TrainingData all, int batchSize, FitOptions o) {
    if (!all.hasTargets()) {
      throw new IllegalArgumentException("fit needs targets: y is missing.");
    }
    CompileState compiled = model.compiled("fit");
    TrainingData train = all;
    TrainingData val = null;
    String valCall = "fit";
    if (o.validationData() != null) {
      Dataset v = o.validationData();
      val = new TrainingData(v.inputs(), v.targets(), v.sampleWeights());
      valCall = "fit as validationData";
    } else if (o.validationSplit() > 0) {
      TrainingData[] parts = all.splitLast(o.validationSplit());
      train = parts[0];
      val = parts[1];
    }
    train = train.withClassWeights(o.classWeight());
    Batches batches = new Batches(train, batchSize, o.shuffle(), SeedGenerator.nextGlobal());
    int steps = o.stepsPerEpoch() != null ? o.stepsPerEpoch() : batches.stepsPerPass();

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", o.epochs());
    params.put("steps", steps);
    params.put("verbose", o.verbose());
    CallbackList callbacks = Callbacks.list(o.callbacks(), true, o.verbose(), model, params);
    model.stopTraining(false);
    Callbacks.buildFor(model, train.x, batchSize);
    Map<String, Double> trainingLogs = new TreeMap<>();
    callbacks.onTrainBegin(Map.of());
    for (int epoch = o.initialEpoch(); epoch < o.epochs(); epoch++) {
      model.resetMetrics();
      callbacks.onEpochBegin(epoch, Map.of());
      if (o.stepsPerEpoch() == null) {
        batches.newPass();
      }
      Map<String, Double> logs = null;
      for (int step = 0; step < steps; step++) {
        callbacks.onTrainBatchBegin(step, Map.of());
        try (StepPool.StepScope scope = compiled.stepScope()) {
          Batches.Batch b = batches.next();
          try {
            logs = Callbacks.sorted(model.trainStep(b.data()));
          } catch (InvalidTargetException e) {
            throw b.inData(e, "fit");
          }
          model.clearCallLosses(); // they may hold step buffers
        }
        callbacks.onTrainBatchEnd(step, logs);
        if (model.stopTraining()) {
          break;
        }
      }
      // The metrics' values rather than the last step's logs, when they name the same things.
      Map<String, Double> epochLogs = new TreeMap<>(Callbacks.metricsResultOr(model, logs));
      if (val != null && (epoch + 1) % o.validationFreq() == 0) {
        int vb = o.validationBatchSize() != null ? o.validationBatchSize() : batchSize;
        Map<String, Double> valLogs =
            EvaluateLoop.run(model, val, vb, o.validationSteps(), callbacks, valCall);
        valLogs.forEach((k, v) -> epochLogs.put("val_" + k, v));
      }
      callbacks.onEpochEnd(epoch, epochLogs);
      trainingLogs = epochLogs;
      if (model.stopTraining()) {
        break;
      }
    }
    callbacks.onTrainEnd(trainingLogs);
    return callbacks.history();
  }
}

package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.backend.StepPool;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.callbacks.History;
import io.keras4j.callbacks.ResumePoint;
import io.keras4j.data.Dataset;
import io.keras4j.losses.InvalidTargetException;
import io.keras4j.models.FitOptions;
import io.keras4j.random.SeedGenerator;
import io.keras4j.utils.Sequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Keras's {@code fit}: epochs of shuffled batches, each given to {@link Trainer#trainStep},
 * validation, callbacks and the History. The batches come from a {@link BatchSource}: tensors cut
 * by {@link Batches}, or a {@link Sequence} read on background threads by {@link SequenceBatches}
 * (stopped when fit returns or throws).
 */
final class FitLoop {
  private FitLoop() {}

  /** Trains the model on x, y as {@code model.fit} does. */
  static History fit(Trainer model, List<Tensor> x, List<Tensor> y, FitOptions o) {
    TrainingData all = new TrainingData(x, y, o.sampleWeight());
    return fitArrays(model, all, o.batchSize(), o);
  }

  /** Trains on a Dataset (its own batch size unless the options give one). */
  static History fit(Trainer model, Dataset data, FitOptions o) {
    if (o.validationSplit() > 0) {
      throw new IllegalArgumentException(
          "`validationSplit` is only supported for tensors, not for a Dataset. Split the Dataset"
              + " (io.keras4j.data.Splits) and pass validationData instead.");
    }
    if (!data.isInMemory()) {
      return fitStreaming(model, data, o);
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
    return fitArrays(model, all, batch, o);
  }

  /** Trains on a streaming Dataset's elements, taken as given (already batched), as Keras. */
  private static History fitStreaming(Trainer model, Dataset data, FitOptions o) {
    streamingOptions(o.sampleWeight() != null, o.batchSizeSet(), "fit");
    model.compiled("fit");
    try (DatasetBatches train = new DatasetBatches(data, "fit", true, o.classWeight(), null)) {
      return run(model, train, o.batchSize(), o);
    }
  }

  /** The options a streaming Dataset cannot take, with what to do instead. */
  static void streamingOptions(boolean sampleWeight, boolean batchSize, String call) {
    if (sampleWeight) {
      throw new IllegalArgumentException(
          call
              + ": `sampleWeight` is not supported with a streaming Dataset: give each element its"
              + " sample weights (StepData's third part), e.g. with dataset.map(...).");
    }
    if (batchSize) {
      throw new IllegalArgumentException(
          call
              + ": `batchSize` must not be given with a streaming Dataset, whose elements are used"
              + " as given: batch the dataset instead, e.g. dataset.batch(32).");
    }
  }

  /** Trains on a Sequence's batches, produced on background threads. */
  static History fit(Trainer model, Sequence data, FitOptions o) {
    if (o.validationSplit() > 0) {
      throw new IllegalArgumentException(
          "`validationSplit` is only supported for tensors, not for a Sequence. Pass"
              + " validationData instead.");
    }
    if (o.sampleWeight() != null) {
      throw new IllegalArgumentException(
          "`sampleWeight` is not supported with a Sequence: return the sample weights from its"
              + " get(index) (StepData's third part).");
    }
    model.compiled("fit");
    try (SequenceBatches train =
        new SequenceBatches(
            data, o.shuffle(), SeedGenerator.nextGlobal(), o.classWeight(), "fit", true)) {
      return run(model, train, o.batchSize(), o);
    }
  }

  private static History fitArrays(Trainer model, TrainingData all, int batchSize, FitOptions o) {
    if (!all.hasTargets()) {
      throw new IllegalArgumentException("fit needs targets: y is missing.");
    }
    model.compiled("fit");
    TrainingData train = all;
    if (o.validationSplit() > 0 && o.validationData() == null && o.validationSequence() == null) {
      TrainingData[] parts = all.splitLast(o.validationSplit());
      train = parts[0];
      TrainingData val = parts[1];
      int vb = o.validationBatchSize() != null ? o.validationBatchSize() : batchSize;
      train = train.withClassWeights(o.classWeight());
      Batches batches = new Batches(train, batchSize, o.shuffle(), SeedGenerator.nextGlobal());
      return run(model, batches, () -> new Batches(val, vb, false, 0L), "fit", o);
    }
    train = train.withClassWeights(o.classWeight());
    Batches batches = new Batches(train, batchSize, o.shuffle(), SeedGenerator.nextGlobal());
    return run(model, batches, batchSize, o);
  }

  /** Runs fit on {@code batches} with the validation data of the options (if any). */
  private static History run(Trainer model, BatchSource batches, int batchSize, FitOptions o) {
    int vb = o.validationBatchSize() != null ? o.validationBatchSize() : batchSize;
    Supplier<BatchSource> val = null;
    if (o.validationSequence() != null) {
      Sequence v = o.validationSequence();
      val = () -> new SequenceBatches(v, false, 0L, null, "fit as validationData", true);
    } else if (o.validationData() != null) {
      Dataset v = o.validationData();
      if (v.isInMemory()) {
        TrainingData vd = new TrainingData(v.inputs(), v.targets(), v.sampleWeights());
        val = () -> new Batches(vd, vb, false, 0L);
      } else {
        val = () -> new DatasetBatches(v, "fit as validationData", true, null, null);
      }
    }
    return run(model, batches, val, "fit as validationData", o);
  }

  /**
   * The epochs: {@code batches} given to {@link Trainer#trainStep}, a validation source made for
   * each validation run (closed after it), the callbacks.
   */
  private static History run(
      Trainer model,
      BatchSource batches,
      Supplier<BatchSource> validation,
      String valCall,
      FitOptions o) {
    CompileState compiled = model.compiled("fit");
    int steps = o.stepsPerEpoch() != null ? o.stepsPerEpoch() : batches.stepsPerPass();

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", o.epochs());
    params.put("steps", steps < 0 ? null : steps);
    params.put("verbose", o.verbose());
    CallbackList callbacks = Callbacks.list(o.callbacks(), true, o.verbose(), model, params);
    model.stopTraining(false);
    Callbacks.buildFor(model, batches);
    Map<String, Double> trainingLogs = new TreeMap<>();
    callbacks.onTrainBegin(Map.of());
    int firstEpoch = o.initialEpoch();
    int firstStep = 0;
    ResumePoint resume = resumePoint(callbacks);
    if (resume != null) {
      firstStep = checkedStep(resume, steps);
      // The epochs skipped since the options' initial epoch: their shuffles are replayed, so
      // that the epochs trained see the batches of an uninterrupted run.
      int skippedEpochs = Math.max(0, resume.initialEpoch() - firstEpoch);
      if (o.stepsPerEpoch() == null) {
        for (int e = 0; e < skippedEpochs; e++) {
          batches.newPass();
          batches.epochEnd();
        }
      } else {
        skip(batches, (long) skippedEpochs * steps);
      }
      firstEpoch = resume.initialEpoch();
    }
    for (int epoch = firstEpoch; epoch < o.epochs(); epoch++) {
      model.resetMetrics();
      callbacks.onEpochBegin(epoch, Map.of());
      if (o.stepsPerEpoch() == null) {
        batches.newPass();
      }
      int startStep = epoch == firstEpoch ? firstStep : 0;
      skip(batches, startStep);
      Map<String, Double> logs = null;
      for (int step = startStep; steps < 0 ? batches.hasNext() : step < steps; step++) {
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
      batches.epochEnd();
      if (steps < 0 && !model.stopTraining()) {
        steps = batches.stepsPerPass(); // learnt at the end of the first pass
      }
      // The metrics' values rather than the last step's logs, when they name the same things.
      Map<String, Double> epochLogs = new TreeMap<>(Callbacks.metricsResultOr(model, logs));
      if (validation != null && (epoch + 1) % o.validationFreq() == 0) {
        Map<String, Double> valLogs;
        try (BatchSource v = validation.get()) {
          valLogs = EvaluateLoop.run(model, v, o.validationSteps(), callbacks, valCall);
        }
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

  /** The last callback that asks for a start (Keras's {@code model._initial_epoch}), or null. */
  private static ResumePoint resumePoint(CallbackList callbacks) {
    ResumePoint found = null;
    for (Callback c : callbacks.callbacks()) {
      if (c instanceof ResumePoint r && r.initialEpoch() >= 0) {
        found = r;
      }
    }
    return found;
  }

  private static int checkedStep(ResumePoint r, int steps) {
    int step = r.initialStep();
    if (step < 0 || (steps >= 0 && step >= Math.max(steps, 1))) {
      throw new IllegalArgumentException(
          r.getClass().getSimpleName()
              + ": the step to resume at must be in [0, "
              + steps
              + ") (the steps of an epoch). Received: initialStep="
              + step);
    }
    return step;
  }

  /** Takes {@code n} batches without training on them (a resumed epoch's first batches). */
  private static void skip(BatchSource batches, long n) {
    for (long i = 0; i < n; i++) {
      batches.next();
    }
  }
}

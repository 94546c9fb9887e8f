package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.losses.InvalidTargetException;
import java.util.List;
import java.util.Map;

/** Keras's {@code train_on_batch} and {@code test_on_batch}: one step, metrics reset first. */
final class BatchSteps {
  private BatchSteps() {}

  static Map<String, Double> train(
      Trainer model, List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    Batches.Batch b = onlyBatch(x, y, sampleWeight, "trainOnBatch");
    Callbacks.buildFor(model, b.data().inputs());
    model.resetMetrics();
    try {
      return Callbacks.sorted(model.trainStep(b.data()));
    } catch (InvalidTargetException e) {
      throw b.inData(e, "trainOnBatch");
    } finally {
      model.clearCallLosses();
    }
  }

  static Map<String, Double> test(
      Trainer model, List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    Batches.Batch b = onlyBatch(x, y, sampleWeight, "testOnBatch");
    model.resetMetrics();
    try {
      return Callbacks.sorted(model.testStep(b.data()));
    } catch (InvalidTargetException e) {
      throw b.inData(e, "testOnBatch");
    } finally {
      model.clearCallLosses();
    }
  }

  private static Batches.Batch onlyBatch(
      List<Tensor> x, List<Tensor> y, Tensor sampleWeight, String method) {
    TrainingData d = new TrainingData(x, y, sampleWeight);
    if (!d.hasTargets()) {
      throw new IllegalArgumentException(method + " needs targets: y is missing.");
    }
    return new Batches(d, Math.max(d.size, 1), false, 0L).next();
  }
}

package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import java.util.List;
import java.util.Map;

/** Keras's {@code train_on_batch} and {@code test_on_batch}: one step, metrics reset first. */
public final class BatchSteps {
  private BatchSteps() {}

  public static Map<String, Double> train(
      Model model, Trainer trainer, List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    TrainingData d = new TrainingData(x, y, sampleWeight);
    if (!d.hasTargets()) {
      throw new IllegalArgumentException("trainOnBatch needs targets: y is missing.");
    }
    trainer.resetMetrics();
    if (model.hasGraph()) {
      trainer.prepare();
    }
    trainer.trainStep(d.x, d.y, d.sampleWeight);
    return trainer.results();
  }

  public static Map<String, Double> test(
      Trainer trainer, List<Tensor> x, List<Tensor> y, Tensor sampleWeight) {
    TrainingData d = new TrainingData(x, y, sampleWeight);
    if (!d.hasTargets()) {
      throw new IllegalArgumentException("testOnBatch needs targets: y is missing.");
    }
    trainer.resetMetrics();
    trainer.testStep(d.x, d.y, d.sampleWeight);
    return trainer.results();
  }
}

package io.keras4j.examples;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.data.Dataset;
import io.keras4j.data.Split;
import io.keras4j.data.Splits;
import io.keras4j.datasets.Digits;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Normalization;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.Metric;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.StepData;
import io.keras4j.ops.GradientTape;
import io.keras4j.optimizers.Adam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's guide "Customizing what happens in fit()": a {@link Model} subclass writes its own
 * training step (forward pass under a tape, the compiled loss, gradients, the optimizer, the
 * metrics) and {@code fit} runs it for every batch, with its epochs, validation, callbacks,
 * progress output and History as usual. Trained on the bundled 8x8 digits.
 */
public final class CustomTrainStep {
  private CustomTrainStep() {}

  /** A Functional model whose training step is written out, as the guide's {@code CustomModel}. */
  static final class CustomModel extends Model {
    int steps; // how many times fit called the step below

    CustomModel(KerasTensor inputs, KerasTensor outputs) {
      super(inputs, outputs);
    }

    @Override
    public Map<String, Double> trainStep(StepData data) {
      steps++;
      Tensor x = data.x(); // the batch: one input and one target here
      Tensor yPred;
      Tensor loss;
      List<Tensor> gradients;
      try (var tape = new GradientTape()) { // watches the trainable weights the model reads
        yPred = apply(x, true); // forward pass in training mode: Keras's self(x, training=True)
        loss = computeLoss(data, yPred); // the loss given to compile()
        gradients = tape.gradient(loss, trainableWeights());
      }
      optimizer().applyGradients(gradients, trainableWeights()); // update the weights
      // Update the metrics: the loss tracker with the loss, the compiled ones (accuracy) with the
      // predictions; computeMetrics returns every metric's current value, which fit shows.
      for (Metric metric : metrics()) {
        if (metric.name().equals("loss")) {
          ((Mean) metric).updateState(loss);
        }
      }
      return computeMetrics(data, yPred);
    }
  }

  public static void main(String[] args) {
    run();
  }

  /** Trains with the custom step; returns the last epoch's logs and the test scores. */
  public static Map<String, Double> run() {
    Keras.setRandomSeed(7);
    Dataset digits = Digits.load(); // x: (1797, 64) pixels 0..16, y: (1797,) digits 0..9
    Split split = new Splits(0.7, 0.2, 0.1).seed(7).stratified(digits.y());
    Dataset train = split.train(digits);
    Dataset valid = split.validation(digits);
    Dataset test = split.test(digits);
    Normalization norm = new Normalization();
    norm.adapt(train.x());

    KerasTensor inputs = Input.of(64);
    KerasTensor h = new Dense(64, "relu").apply(inputs);
    KerasTensor outputs = new Dense(10, "softmax").apply(h);
    CustomModel model = new CustomModel(inputs, outputs);
    model.compile(new Adam(1e-3), "sparse_categorical_crossentropy", "accuracy");

    // Just use fit as usual: it calls trainStep once per batch.
    History history =
        model.fit(
            norm.apply(train.x()),
            train.y(),
            new FitOptions()
                .epochs(15)
                .batchSize(32)
                .validationData(norm.apply(valid.x()), valid.y())
                .verbose(2)); // one line per epoch
    Map<String, Double> scores =
        model.evaluate(norm.apply(test.x()), test.y(), new EvaluateOptions().verbose(0));

    Map<String, Double> results = new LinkedHashMap<>();
    int last = history.get("loss").size() - 1;
    results.put("loss", history.get("loss").get(last));
    results.put("accuracy", history.get("accuracy").get(last));
    results.put("val_accuracy", history.get("val_accuracy").get(last));
    results.put("test_loss", scores.get("loss"));
    results.put("test_accuracy", scores.get("accuracy"));
    results.put("steps", (double) model.steps);
    System.out.printf(
        "%nfit called the custom trainStep %d times (%d epochs of %d batches)%n",
        model.steps, last + 1, (train.size() + 31) / 32);
    System.out.printf(
        "first epoch: loss %.4f, accuracy %.4f; last epoch: loss %.4f, accuracy %.4f%n",
        history.get("loss").get(0),
        history.get("accuracy").get(0),
        results.get("loss"),
        results.get("accuracy"));
    System.out.printf(
        "test (%d digits): loss %.4f, accuracy %.4f%n",
        test.size(), results.get("test_loss"), results.get("test_accuracy"));
    return results;
  }
}

package io.keras4j.examples;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.data.Split;
import io.keras4j.data.Splits;
import io.keras4j.datasets.Digits;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Normalization;
import io.keras4j.losses.SparseCategoricalCrossentropy;
import io.keras4j.metrics.Mean;
import io.keras4j.metrics.SparseCategoricalAccuracy;
import io.keras4j.models.Model;
import io.keras4j.ops.GradientTape;
import io.keras4j.optimizers.Adam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Keras's guide "Writing a training loop from scratch", without {@code fit}: shuffled batches, a
 * {@link GradientTape} per step, {@code tape.gradient(loss, model.trainableWeights())}, {@code
 * optimizer.applyGradients(...)}, metrics updated per batch and reset per epoch, and a validation
 * pass at the end of each epoch. Trained on the bundled 8x8 digits.
 */
public final class TrainingLoopFromScratch {
  private TrainingLoopFromScratch() {}

  public static void main(String[] args) {
    run();
  }

  /** Trains by hand; returns the last epoch's training loss and accuracies. */
  public static Map<String, Double> run() {
    Keras.setRandomSeed(3);
    Dataset digits = Digits.load();
    Split split = new Splits(0.8, 0.2, 0.0).seed(3).stratified(digits.y());
    Dataset train = split.train(digits);
    Dataset valid = split.validation(digits);
    Normalization norm = new Normalization();
    norm.adapt(train.x());
    train = Dataset.of(norm.apply(train.x()), train.y());
    valid = Dataset.of(norm.apply(valid.x()), valid.y());

    // The guide's model: two hidden layers and logits.
    KerasTensor inputs = Input.of("digits", 64);
    KerasTensor x = new Dense(64, "relu").apply(inputs);
    x = new Dense(64, "relu").apply(x);
    KerasTensor outputs = new Dense(10).name("predictions").apply(x);
    Model model = new Model(inputs, outputs);

    Adam optimizer = new Adam(1e-3);
    SparseCategoricalCrossentropy lossFn = new SparseCategoricalCrossentropy().fromLogits(true);
    Mean trainLoss = new Mean("loss");
    SparseCategoricalAccuracy trainAcc = new SparseCategoricalAccuracy();
    SparseCategoricalAccuracy valAcc = new SparseCategoricalAccuracy();

    int batchSize = 32;
    int epochs = 6;
    Random shuffle = new Random(3);
    Map<String, Double> results = new LinkedHashMap<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      Dataset shuffled = train.take(permutation(train.size(), shuffle));
      for (int from = 0, step = 0; from < shuffled.size(); from += batchSize, step++) {
        Dataset batch = shuffled.slice(from, Math.min(from + batchSize, shuffled.size()));
        Tensor logits;
        Tensor loss;
        List<Tensor> grads;
        // Record the forward pass: the tape watches the trainable weights the model reads.
        try (var tape = new GradientTape()) {
          logits = model.apply(batch.x(), true); // training mode
          loss = lossFn.call(batch.y(), logits);
          grads = tape.gradient(loss, model.trainableWeights());
        }
        optimizer.applyGradients(grads, model.trainableWeights());
        trainLoss.updateState(loss);
        trainAcc.updateState(batch.y(), logits);
        if (step % 20 == 0) {
          System.out.printf(
              "Epoch %d, step %d: loss %.4f (%d samples seen)%n",
              epoch + 1, step, loss.item(), from + batch.size());
        }
      }
      // A validation pass with the model in inference mode.
      for (int from = 0; from < valid.size(); from += batchSize) {
        Dataset batch = valid.slice(from, Math.min(from + batchSize, valid.size()));
        valAcc.updateState(batch.y(), model.apply(batch.x(), false));
      }
      results.put("loss", (double) trainLoss.result().item());
      results.put("accuracy", (double) trainAcc.result().item());
      results.put("val_accuracy", (double) valAcc.result().item());
      System.out.printf(
          "Epoch %d: loss %.4f, accuracy %.4f, val_accuracy %.4f%n",
          epoch + 1, results.get("loss"), results.get("accuracy"), results.get("val_accuracy"));
      // Metrics are reset at the end of each epoch.
      trainLoss.resetState();
      trainAcc.resetState();
      valAcc.resetState();
    }
    return results;
  }

  private static int[] permutation(int n, Random random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }
}

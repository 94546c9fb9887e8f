package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.EarlyStopping;
import io.keras4j.callbacks.ReduceLROnPlateau;
import io.keras4j.data.Dataset;
import io.keras4j.data.Split;
import io.keras4j.data.Splits;
import io.keras4j.datasets.Digits;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Normalization;
import io.keras4j.models.FitOptions;
import io.keras4j.models.PredictOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import java.util.Arrays;
import java.util.Map;

/**
 * The main job: the seed MLP trained on scikit-learn's 8x8 digits (bundled with keras4j). Splits
 * the 1,797 images 70:20:10 (stratified), standardizes the pixels with a {@link Normalization}
 * layer adapted on the training part, trains with early stopping and a learning rate that drops on
 * plateaus, then reports accuracy, precision, recall and AUC on the held-out test part.
 */
public final class DigitsMlp {
  private DigitsMlp() {}

  public static void main(String[] args) {
    run();
  }

  /** Trains and evaluates; returns the test scores by Keras metric name. */
  public static Map<String, Double> run() {
    Keras.setRandomSeed(42); // same weights, shuffles and scores on every run
    Dataset digits = Digits.load(); // x: (1797, 64) pixels 0..16, y: (1797,) digits 0..9
    Split split = new Splits(0.7, 0.2, 0.1).seed(42).stratified(digits.y());
    Dataset train = split.train(digits);
    Dataset valid = split.validation(digits);
    Dataset test = split.test(digits);
    System.out.println("Digits: " + split);

    // Statistics from the training part only, then applied to every part.
    Normalization norm = new Normalization(); // per pixel: mean 0, variance 1
    norm.adapt(train.x());
    Tensor xTrain = norm.apply(train.x());
    Tensor xValid = norm.apply(valid.x());
    Tensor xTest = norm.apply(test.x());
    // One-hot targets: precision, recall and AUC compare them with the probabilities, entry by
    // entry (micro-averaged over the ten classes, as Keras).
    Tensor yTrain = Ops.oneHot(train.y(), 10);
    Tensor yValid = Ops.oneHot(valid.y(), 10);
    Tensor yTest = Ops.oneHot(test.y(), 10);

    var model =
        new Sequential(
            new Dense(128, "relu").inputShape(64),
            new Dense(256, "relu"),
            new Dense(10, "softmax"));
    model.summary();
    model.compile(
        new Adam(1e-3), "categorical_crossentropy", "accuracy", "precision", "recall", "auc");

    model.fit(
        xTrain,
        yTrain,
        new FitOptions()
            .epochs(100)
            .batchSize(32)
            .validationData(xValid, yValid)
            .callbacks(
                new EarlyStopping()
                    .monitor("val_loss")
                    .patience(8)
                    .restoreBestWeights(true) // keep the weights of the best epoch
                    .verbose(1),
                new ReduceLROnPlateau().monitor("val_loss").factor(0.5).patience(3).verbose(1))
            .verbose(1));

    Map<String, Double> scores = model.evaluate(xTest, yTest);
    System.out.printf("%nTest scores on %d held-out digits:%n", test.size());
    for (String metric : new String[] {"accuracy", "precision", "recall", "auc"}) {
      System.out.printf("  %-9s %.4f%n", metric, scores.get(metric));
    }

    Tensor probabilities = model.predict(xTest, new PredictOptions().verbose(0)); // (180, 10)
    int[] predicted = Ops.argmax(probabilities, -1).toIntArray();
    int[] actual = test.y().toIntArray();
    System.out.println(
        "First test digits: predicted "
            + Arrays.toString(Arrays.copyOf(predicted, 12))
            + ", true "
            + Arrays.toString(Arrays.copyOf(actual, 12)));
    return scores;
  }
}

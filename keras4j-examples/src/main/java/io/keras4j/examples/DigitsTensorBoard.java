package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.callbacks.TensorBoard;
import io.keras4j.data.Dataset;
import io.keras4j.datasets.Digits;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Normalization;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Logs a training for TensorBoard (needs io.keras4j:keras4j-tensorboard): an MLP on the bundled
 * digits, 5 epochs with 20% held out for validation, metrics per epoch and per batch, weight
 * histograms and the model's graph under {@code logs/} (or the directory given as argument). Then
 * {@code tensorboard --logdir logs} shows them.
 */
public final class DigitsTensorBoard {
  private DigitsTensorBoard() {}

  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "logs"));
  }

  /** Trains with the TensorBoard callback logging under {@code logDir}; prints the files. */
  public static void run(Path logDir) {
    Keras.setRandomSeed(42);
    Dataset digits = Digits.load(); // x: (1797, 64) pixels 0..16, y: (1797,) digits 0..9
    Normalization norm = new Normalization();
    norm.adapt(digits.x());
    Tensor x = norm.apply(digits.x());
    Tensor y = Ops.oneHot(digits.y(), 10);

    var model =
        new Sequential(
            new Dense(64, "relu").inputShape(64).name("hidden"),
            new Dense(10, "softmax").name("classes"));
    model.compile(new Adam(1e-3), "categorical_crossentropy", "accuracy");
    model.fit(
        x,
        y,
        new FitOptions()
            .epochs(5)
            .batchSize(32)
            .validationSplit(0.2)
            .verbose(0)
            .callbacks(new TensorBoard(logDir).histogramFreq(1).updateFreq(10)));

    try (Stream<Path> files = Files.walk(logDir)) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(f -> System.out.println("Wrote " + logDir.relativize(f).getParent() + "/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("Now run: tensorboard --logdir " + logDir);
  }
}

package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.data.Split;
import io.keras4j.data.Splits;
import io.keras4j.datasets.Digits;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Normalization;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.SGD;
import io.keras4j.ui.TrainingServer;
import java.io.IOException;

/**
 * The live training page (module keras4j-ui): the digits MLP trained twice, with Adam and with SGD,
 * the two runs side by side on one page. Open the printed address in a browser while it trains; the
 * page stays up until Enter is pressed.
 *
 * <pre>{@code bin/main TrainingPageDemo}</pre>
 */
public final class TrainingPageDemo {
  private TrainingPageDemo() {}

  public static void main(String[] args) throws IOException {
    try (TrainingServer server = run(30, 0)) {
      System.out.println("Training done; the page stays at " + server.url() + " until Enter.");
      System.in.read();
    }
  }

  /**
   * Trains both runs for {@code epochs} epochs on a server at {@code port} (0: any free port) and
   * returns the server, still running.
   */
  static TrainingServer run(int epochs, int port) {
    Keras.setRandomSeed(42);
    Dataset digits = Digits.load();
    Split split = new Splits(0.7, 0.2, 0.1).seed(42).stratified(digits.y());
    Dataset train = split.train(digits);
    Dataset valid = split.validation(digits);
    Normalization norm = new Normalization();
    norm.adapt(train.x());
    Tensor x = norm.apply(train.x());
    Tensor y = Ops.oneHot(train.y(), 10);
    Tensor xValid = norm.apply(valid.x());
    Tensor yValid = Ops.oneHot(valid.y(), 10);

    TrainingServer server = new TrainingServer().port(port).start();
    System.out.println("Training page: " + server.url());
    Optimizer[] optimizers = {new Adam(1e-3), new SGD(0.05)};
    String[] names = {"adam 1e-3", "sgd 0.05"};
    for (int i = 0; i < optimizers.length; i++) {
      var model =
          new Sequential(
              new Dense(128, "relu").inputShape(64),
              new Dense(256, "relu"),
              new Dense(10, "softmax"));
      model.compile(optimizers[i], "categorical_crossentropy", "accuracy");
      var history =
          model.fit(
              x,
              y,
              new FitOptions()
                  .epochs(epochs)
                  .batchSize(32)
                  .validationData(xValid, yValid)
                  .callbacks(server.callback(names[i]))
                  .verbose(0));
      System.out.printf(
          "%s: val_accuracy %.4f after %d epochs%n",
          names[i], history.get("val_accuracy").getLast(), epochs);
    }
    return server;
  }
}

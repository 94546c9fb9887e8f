package io.keras4j.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.datasets.Mnist;
import io.keras4j.datasets.TrainTestData;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.RMSprop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keras's classic MNIST MLP: 784 pixels, two hidden layers of 64 (relu), 10 classes (softmax),
 * RMSprop, 5 epochs of batches of 32, then the accuracy on the 10,000 test images.
 *
 * <p>keras4j does not download MNIST: the IDX files are read from a directory, the first program
 * argument or else {@code <keras4j.data.dir>/datasets/mnist} (system property {@code
 * keras4j.data.dir}, default {@code ../shared/data}). Without it the program says so and ends.
 */
public final class MnistMlp {
  private MnistMlp() {}

  public static void main(String[] args) {
    Path dir = dataDir(args);
    if (!Files.isDirectory(dir)) {
      System.out.println(
          "MnistMlp: no MNIST files at "
              + dir.toAbsolutePath().normalize()
              + ". Give the directory holding the IDX files as the first argument (bin/main"
              + " MnistMlp DIR) or set the system property keras4j.data.dir. Nothing to do.");
      return;
    }
    run(dir);
  }

  /** The MNIST directory: {@code args[0]} when given, else under {@code keras4j.data.dir}. */
  public static Path dataDir(String[] args) {
    if (args.length > 0) {
      return Path.of(args[0]);
    }
    return Path.of(System.getProperty("keras4j.data.dir", "../shared/data"), "datasets", "mnist");
  }

  /** Trains on the MNIST files in {@code dir}; returns the test scores by Keras metric name. */
  public static Map<String, Double> run(Path dir) {
    Keras.setRandomSeed(42);
    TrainTestData mnist = Mnist.load(dir); // images (n, 28, 28) with pixels 0..255, labels (n,)
    Tensor xTrain = flatScaled(mnist.train().x());
    Tensor yTrain = mnist.train().y();
    Tensor xTest = flatScaled(mnist.test().x());
    Tensor yTest = mnist.test().y();
    System.out.printf("MNIST: %d training and %d test images%n", xTrain.dim(0), xTest.dim(0));

    var model =
        new Sequential(
            new Dense(64, "relu").inputShape(784), new Dense(64, "relu"), new Dense(10, "softmax"));
    model.compile(new RMSprop(), "sparse_categorical_crossentropy", "accuracy");
    model.fit(xTrain, yTrain, new FitOptions().epochs(5).batchSize(32).verbose(2));

    Map<String, Double> scores = model.evaluate(xTest, yTest);
    System.out.printf(
        "Test: loss %.4f, accuracy %.4f%n", scores.get("loss"), scores.get("accuracy"));
    return scores;
  }

  /** (n, 28, 28) pixels 0..255 to (n, 784) values in [0, 1]. */
  private static Tensor flatScaled(Tensor images) {
    return Ops.divide(Ops.reshape(images, images.dim(0), 784), Tensor.scalar(255f));
  }
}

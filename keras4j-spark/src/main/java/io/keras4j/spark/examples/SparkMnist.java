package io.keras4j.spark.examples;

import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.datasets.Mnist;
import io.keras4j.datasets.TrainTestData;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.RMSprop;
import io.keras4j.spark.Sample;
import io.keras4j.spark.SparkTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The MNIST MLP of {@code io.keras4j.examples.MnistMlp} trained on Apache Spark: two workers on
 * {@code local[2]} (or the master of {@code -Dspark.master}), global batches of 32, 5 epochs, the
 * gradients summed by the ring all-reduce after every step; then the test accuracy, computed on the
 * driver with the trained weights. Run it with {@code bin/spark-mnist [MNIST_DIR]}.
 */
public final class SparkMnist {
  private SparkMnist() {}

  public static void main(String[] args) {
    Path dir =
        args.length > 0
            ? Path.of(args[0])
            : Path.of(
                System.getProperty("keras4j.data.dir", "../shared/data"), "datasets", "mnist");
    if (!Files.isDirectory(dir)) {
      System.out.println(
          "SparkMnist: no MNIST files at "
              + dir.toAbsolutePath().normalize()
              + ". Give the directory holding the IDX files as the first argument. Nothing to do.");
      return;
    }
    Keras.setRandomSeed(42);
    TrainTestData mnist = Mnist.load(dir);
    Tensor xTrain = flatScaled(mnist.train().x());
    Tensor yTrain = mnist.train().y();
    Tensor xTest = flatScaled(mnist.test().x());
    Tensor yTest = mnist.test().y();
    System.out.printf("MNIST: %d training and %d test images%n", xTrain.dim(0), xTest.dim(0));

    SparkConf conf =
        new SparkConf()
            .setAppName("keras4j SparkMnist")
            .setIfMissing("spark.master", "local[2]")
            .setIfMissing("spark.driver.host", "127.0.0.1")
            .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
            .setIfMissing("spark.ui.enabled", "false")
            .setIfMissing("spark.ui.showConsoleProgress", "false");
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("ERROR");
      var model =
          new Sequential(
              new Dense(64, "relu").inputShape(784),
              new Dense(64, "relu"),
              new Dense(10, "softmax"));
      model.compile(new RMSprop(), "sparse_categorical_crossentropy", "accuracy");
      int workers = sc.defaultParallelism();
      System.out.printf("Spark %s, master %s: %d workers%n", sc.version(), sc.master(), workers);
      new SparkTrainer(model)
          .numWorkers(workers)
          .fit(
              sc.parallelize(samples(xTrain, yTrain), workers),
              new FitOptions().epochs(5).batchSize(32).verbose(2));
      Map<String, Double> scores =
          model.evaluate(xTest, yTest, new io.keras4j.models.EvaluateOptions().verbose(0));
      System.out.printf(
          "Test: loss %.4f, accuracy %.4f%n", scores.get("loss"), scores.get("accuracy"));
    }
  }

  private static List<Sample> samples(Tensor x, Tensor y) {
    int n = x.dim(0);
    int f = x.dim(1);
    float[] xs = x.toFloatArray();
    float[] ys = y.toFloatArray();
    List<Sample> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] row = new float[f];
      System.arraycopy(xs, i * f, row, 0, f);
      out.add(Sample.of(row, ys[i]));
    }
    return out;
  }

  /** (n, 28, 28) pixels 0..255 to (n, 784) values in [0, 1]. */
  private static Tensor flatScaled(Tensor images) {
    return Ops.divide(Ops.reshape(images, images.dim(0), 784), Tensor.scalar(255f));
  }
}

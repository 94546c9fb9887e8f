package io.keras4j.examples;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.EarlyStopping;
import io.keras4j.data.CsvReader;
import io.keras4j.data.Dataset;
import io.keras4j.data.Split;
import io.keras4j.data.Splits;
import io.keras4j.datasets.BostonHousing;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Normalization;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The wide-and-deep model of the API contract on the Boston house prices (scikit-learn's CSV,
 * bundled with keras4j): five "wide" features go straight to the main output, six "deep" features
 * pass through two hidden layers first; an auxiliary output reads the deep path alone. Prints the
 * mean absolute error of both outputs on a held-out test part, in thousands of dollars.
 */
public final class WideAndDeep {
  /**
   * Features fed straight (linearly) to the main output: by the river, zoned land, industry, old
   * houses, tax rate.
   */
  static final List<String> WIDE = List.of("CHAS", "ZN", "INDUS", "AGE", "TAX");

  /**
   * Features fed through the hidden layers, whose effect on prices is far from linear: lower-status
   * share, rooms, distance to jobs, pollution, crime, pupils per teacher.
   */
  static final List<String> DEEP = List.of("LSTAT", "RM", "DIS", "NOX", "CRIM", "PTRATIO");

  private WideAndDeep() {}

  public static void main(String[] args) {
    run();
  }

  /** Trains and evaluates; returns the test scores by name ("output_1_mae", ...). */
  public static Map<String, Double> run() {
    Keras.setRandomSeed(42);
    // The first line of the file is "506,13"; the second names the columns.
    Dataset boston;
    try (InputStream in = BostonHousing.class.getResourceAsStream("boston_house_prices.csv")) {
      boston =
          new CsvReader()
              .skipRows(1)
              .header(true)
              .labelColumns("MEDV")
              .read(in, "boston_house_prices.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("Boston housing: " + boston + ", features " + boston.featureNames());

    Split split = new Splits(0.8, 0.0, 0.2).seed(42).split(boston);
    Dataset train = split.train(boston);
    Dataset test = split.test(boston);

    Normalization norm = new Normalization(); // statistics of the training rows only
    norm.adapt(train.x());
    Tensor xTrain = norm.apply(train.x());
    Tensor xTest = norm.apply(test.x());
    List<String> names = boston.featureNames();
    List<Tensor> trainInputs = List.of(columns(xTrain, names, WIDE), columns(xTrain, names, DEEP));
    List<Tensor> testInputs = List.of(columns(xTest, names, WIDE), columns(xTest, names, DEEP));
    Tensor yTrain = Ops.reshape(train.y(), -1, 1); // MEDV, median value in $1000s
    Tensor yTest = Ops.reshape(test.y(), -1, 1);

    KerasTensor wide = Input.of("wide", 5);
    KerasTensor deep = Input.of("deep", 6);
    KerasTensor h = new Dense(30, "relu").apply(deep);
    h = new Dense(30, "relu").apply(h);
    KerasTensor concat = new Concatenate().apply(wide, h);
    KerasTensor out1 = new Dense(1).name("output_1").apply(concat);
    KerasTensor out2 = new Dense(1).name("output_2").apply(h);
    var model = new Model(List.of(wide, deep), List.of(out1, out2));
    model.compile(
        new CompileOptions()
            .optimizer(new Adam(0.01))
            .loss("mean_squared_error", "mean_squared_error") // one per output
            .lossWeights(0.9, 0.1) // the main output counts most
            .metrics("mae"));

    model.fit(
        trainInputs,
        List.of(yTrain, yTrain), // both outputs predict the price
        new FitOptions()
            .epochs(200)
            .batchSize(32)
            .validationSplit(0.2)
            .callbacks(new EarlyStopping().patience(20).restoreBestWeights(true))
            .verbose(2));

    Map<String, Double> scores = model.evaluate(testInputs, List.of(yTest, yTest));
    System.out.printf(
        "Test (%d houses): MAE output_1 (wide and deep) %.2f, output_2 (deep only) %.2f"
            + " (thousand dollars)%n",
        test.size(), scores.get("output_1_mae"), scores.get("output_2_mae"));
    return scores;
  }

  /** The columns {@code wanted} of {@code x}, found by name. */
  private static Tensor columns(Tensor x, List<String> names, List<String> wanted) {
    int[] idx = wanted.stream().mapToInt(names::indexOf).toArray();
    return Ops.take(x, Tensor.ofInts(idx, idx.length), 1);
  }
}

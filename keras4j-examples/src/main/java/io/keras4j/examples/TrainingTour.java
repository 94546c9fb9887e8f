package io.keras4j.examples;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.EarlyStopping;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.losses.SparseCategoricalCrossentropy;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.ops.Ops;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.SGD;
import io.keras4j.optimizers.schedules.InverseTimeDecay;
import io.keras4j.random.RandomOps;
import java.util.List;
import java.util.Map;

/**
 * The "Training" section of the API contract, line by line, on small synthetic data: a classifier
 * (three ways to compile it), the wide-and-deep model with two outputs, fit, evaluate and predict.
 */
public final class TrainingTour {
  private TrainingTour() {}

  public static void main(String[] args) {
    Keras.setRandomSeed(42);
    // Data: 10 classes of points around 10 centres in 20 dimensions.
    Tensor centres = RandomOps.normal(new int[] {10, 20}, 0, 1, 1);
    Tensor labels = RandomOps.uniform(new int[] {600}, 0, 10, 2).asInt();
    Tensor points =
        Ops.add(Ops.take(centres, labels, 0), RandomOps.normal(new int[] {600, 20}, 0, 1, 3));
    Tensor xTrain = rows(points, 0, 400);
    Tensor xValid = rows(points, 400, 500);
    Tensor xTest = rows(points, 500, 600);
    Tensor xNew = rows(points, 500, 505);
    Tensor sparse = labels;
    Tensor oneHot = Ops.oneHot(labels, 10);

    var model = new Sequential(new Dense(64, "relu").inputShape(20), new Dense(10, "softmax"));

    model.compile("rmsprop", "categorical_crossentropy", "accuracy"); // strings, as in Keras
    Tensor yTrain = rows(oneHot, 0, 400);
    model.fit(xTrain, yTrain, new FitOptions().epochs(2).verbose(2));

    model.compile(
        new Adam(0.01), "sparse_categorical_crossentropy", "accuracy"); // objects or strings
    yTrain = rows(sparse, 0, 400);
    Tensor yValid = rows(sparse, 400, 500);
    Tensor yTest = rows(sparse, 500, 600);

    History history =
        model.fit(
            xTrain,
            yTrain,
            new FitOptions()
                .epochs(100)
                .batchSize(32)
                .validationData(xValid, yValid) // or .validationSplit(0.2)
                .callbacks(new EarlyStopping().monitor("val_loss").patience(5))
                .verbose(1)); // 0 silent, 1 progress bar, 2 a line per epoch
    History h2 = model.fit(xTrain, yTrain); // Keras defaults: 1 epoch, batch 32
    List<Double> losses = history.get("loss"); // history.history() is the whole Map

    Map<String, Double> scores = model.evaluate(xTest, yTest); // "loss" and each metric by name
    Tensor yPred = model.predict(xNew); // single-output models

    // A model whose last layer gives logits, compiled with a loss object.
    var logits = new Sequential(new Dense(64, "relu").inputShape(20), new Dense(10));
    logits.compile(
        new Adam(0.01), new SparseCategoricalCrossentropy().fromLogits(true), "accuracy");
    logits.fit(xTrain, yTrain, new FitOptions().epochs(20).verbose(0));
    Map<String, Double> logitScores = logits.evaluate(xTest, yTest);

    // The wide-and-deep model of "Building models": two inputs, two named outputs.
    KerasTensor wide = Input.of("wide", 5);
    KerasTensor deep = Input.of("deep", 6);
    KerasTensor h = new Dense(30, "relu").apply(deep);
    h = new Dense(30, "relu").apply(h);
    KerasTensor concat = new Concatenate().apply(wide, h);
    KerasTensor out1 = new Dense(1).name("output_1").apply(concat);
    KerasTensor out2 = new Dense(1).name("output_2").apply(h);
    var multi = new Model(List.of(wide, deep), List.of(out1, out2));
    multi.compile(
        new CompileOptions()
            .optimizer(new SGD()) // or .optimizer("sgd")
            .loss("mean_squared_error", "mean_squared_error") // one per output, or a Map
            .lossWeights(0.9, 0.1) // or lossWeights(Map<String, Double>)
            .metrics("mae"));
    Tensor xWide = rows(points, 0, 400, 0, 5);
    Tensor xDeep = rows(points, 0, 400, 5, 11);
    Tensor y1 = Ops.sum(xWide, new int[] {1}, true);
    Tensor y2 = Ops.sum(xDeep, new int[] {1}, true);
    History multiHistory =
        multi.fit(List.of(xWide, xDeep), List.of(y1, y2), new FitOptions().epochs(10).verbose(0));
    List<Tensor> outs = multi.predict(List.of(xWide, xDeep)); // one tensor per output

    // An optimizer whose learning rate follows a schedule.
    var scheduled = new Adam(new InverseTimeDecay(0.001, 1000, 1, false));

    System.out.printf("epochs run: %d (early stopping)%n", losses.size());
    System.out.printf("loss of the default fit: %.4f%n", h2.get("loss").get(0));
    System.out.printf(
        "test: loss %.4f, accuracy %.4f%n", scores.get("loss"), scores.get("accuracy"));
    System.out.printf("test accuracy of the logits model: %.4f%n", logitScores.get("accuracy"));
    System.out.printf("prediction shape: %s%n", java.util.Arrays.toString(yPred.shape()));
    System.out.printf(
        "multi-output: %s, loss %.4f -> %.4f, outputs %s and %s%n",
        multiHistory.history().keySet(),
        multiHistory.get("loss").get(0),
        multiHistory.get("loss").get(9),
        java.util.Arrays.toString(outs.get(0).shape()),
        java.util.Arrays.toString(outs.get(1).shape()));
    System.out.printf("scheduled learning rate at step 0: %.6f%n", scheduled.learningRate());
  }

  private static Tensor rows(Tensor t, int from, int to) {
    if (t.rank() == 1) {
      return Ops.slice(t, new int[] {from}, new int[] {to - from});
    }
    return Ops.slice(t, new int[] {from, 0}, new int[] {to - from, t.dim(1)});
  }

  private static Tensor rows(Tensor t, int from, int to, int colFrom, int colTo) {
    return Ops.slice(t, new int[] {from, colFrom}, new int[] {to - from, colTo - colFrom});
  }
}

package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.losses.InvalidTargetException;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import io.keras4j.random.RandomOps;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad label reaches the user of fit and evaluate named by its row in their data. */
class LabelRowTest {
  private static final Tensor X = RandomOps.uniform(new int[] {50, 4}, -1, 1, 9);

  /** Labels in [0, 3) except row {@code bad}, which holds 3. */
  private static Tensor labels(int bad) {
    int[] y = new int[50];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 3;
    }
    y[bad] = 3;
    return Tensor.ofInts(y, 50);
  }

  private static Sequential model() {
    Sequential m = new Sequential(Input.of(4), new Dense(3, "softmax"));
    m.compile(new SGD(0.1), "sparse_categorical_crossentropy");
    return m;
  }

  private static void assertNamesRow(RuntimeException e, String call, int row) {
    String msg = e.getMessage();
    assertTrue(msg.contains("SparseCategoricalCrossentropy: label 3 is out of range"), msg);
    assertTrue(msg.contains("Received: y[" + row + "]=3"), msg);
    assertTrue(msg.contains("(row " + row + " of the targets given to " + call), msg);
  }

  @Test
  void fitWithShuffledBatchesNamesTheRowOfTheData() {
    // Row 37 lands at some other position of a shuffled batch: the message names row 37.
    var e =
        assertThrows(
            InvalidTargetException.class,
            () -> model().fit(X, labels(37), new FitOptions().batchSize(16).verbose(0)));
    assertNamesRow(e, "fit", 37);
    // and its place in its batch of 16, which the shuffle chose
    var at =
        java.util.regex.Pattern.compile("yTrue\\[(\\d+)\\] of its batch").matcher(e.getMessage());
    assertTrue(at.find() && Integer.parseInt(at.group(1)) < 16, e.getMessage());
  }

  @Test
  void evaluateAndTheValidationSplitNameTheRowToo() {
    var e =
        assertThrows(
            InvalidTargetException.class,
            () -> model().evaluate(X, labels(41), new EvaluateOptions().batchSize(16).verbose(0)));
    assertNamesRow(e, "evaluate", 41);
    // The last 20% (rows 40..49) validate; row 45 is row 5 of the validation part.
    Tensor y = labels(45);
    var v =
        assertThrows(
            InvalidTargetException.class,
            () -> model().fit(X, y, new FitOptions().batchSize(8).validationSplit(0.2).verbose(0)));
    assertNamesRow(v, "fit", 45);
  }

  @Test
  void aModelWithSeveralOutputsNamesTheOutputToo() {
    KerasTensor in = Input.of(4);
    KerasTensor a = new Dense(3, "softmax").name("first").apply(in);
    KerasTensor b = new Dense(3, "softmax").name("second").apply(in);
    Model model = new Model(List.of(in), List.of(a, b));
    model.compile(
        new CompileOptions()
            .optimizer(new SGD(0.1))
            .loss("sparse_categorical_crossentropy", "sparse_categorical_crossentropy"));
    var e =
        assertThrows(
            InvalidTargetException.class,
            () ->
                model.fit(
                    X, List.of(labels(0), labels(12)), new FitOptions().batchSize(50).verbose(0)));
    // One (shuffled) batch: the loss of output "first" runs first and finds row 0.
    assertTrue(e.getMessage().contains("Received: y['first'][0]=3"), e.getMessage());
  }
}

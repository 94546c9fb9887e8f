package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input to compile / fit / evaluate: a clear error, and the model's weights untouched. */
class TrainingErrorsTest {
  private static Sequential model() {
    Sequential m = new Sequential(Input.of(3), new Dense(4, "softmax").name("probs"));
    m.build(-1, 3);
    return m;
  }

  private static final Tensor X = Tensor.of(new float[12], 4, 3);
  private static final Tensor Y = Tensor.ofInts(new int[] {0, 1, 2, 3}, 4);

  /** Runs {@code action}, expects {@code type} with all {@code parts} in its message, no change. */
  private static <T extends Throwable> T failsUnchanged(
      Model m, Class<T> type, Executable action, String... parts) {
    List<Tensor> before = m.getWeights();
    T e = assertThrows(type, action);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
    }
    List<Tensor> after = m.getWeights();
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).toFloatArray(), after.get(i).toFloatArray());
    }
    return e;
  }

  @Test
  void fitBeforeCompile() {
    Sequential m = model();
    failsUnchanged(m, IllegalStateException.class, () -> m.fit(X, Y), "compile()", "fit()");
    failsUnchanged(
        m, IllegalStateException.class, () -> m.evaluate(X, Y), "compile()", "evaluate()");
  }

  @Test
  void xAndYOfDifferentLengths() {
    Sequential m = model();
    m.compile("sgd", "sparse_categorical_crossentropy");
    Tensor y3 = Tensor.ofInts(new int[] {0, 1, 2}, 3);
    failsUnchanged(
        m,
        IllegalArgumentException.class,
        () -> m.fit(X, y3, new FitOptions().verbose(0)),
        "Data cardinality is ambiguous",
        "'x' sizes: 4",
        "'y' sizes: 3");
  }

  @Test
  void sparseLabelsOutOfRange() {
    Sequential m = model();
    m.compile("sgd", "sparse_categorical_crossentropy");
    Tensor bad = Tensor.ofInts(new int[] {0, 1, 7, 3}, 4);
    failsUnchanged(
        m,
        IllegalArgumentException.class,
        () -> m.fit(X, bad, new FitOptions().verbose(0).batchSize(4)),
        "7");
  }

  @Test
  void unknownLossAndMetricNamesSuggestTheClosest() {
    Sequential m = model();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.compile("sgd", "sparse_categorical_crossentropyy"));
    assertTrue(e.getMessage().contains("Did you mean"), e.getMessage());
    assertTrue(e.getMessage().contains("sparse_categorical_crossentropy"), e.getMessage());
    var e2 =
        assertThrows(IllegalArgumentException.class, () -> m.compile("sgd", "mse", "accurracy"));
    assertTrue(e2.getMessage().contains("Did you mean"), e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> m.compile("sgdd", "mse"));
    assertTrue(e3.getMessage().contains("sgd"), e3.getMessage());
  }

  private static Model twoInTwoOut() {
    KerasTensor wide = Input.of("wide", 2);
    KerasTensor deep = Input.of("deep", 3);
    KerasTensor h = new Dense(4, "relu").apply(deep);
    KerasTensor out1 = new Dense(1).name("output_1").apply(new Concatenate().apply(wide, h));
    KerasTensor out2 = new Dense(1).name("output_2").apply(h);
    return new Model(List.of(wide, deep), List.of(out1, out2));
  }

  @Test
  void mapKeyThatIsNoOutputName() {
    Model m = twoInTwoOut();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                m.compile(
                    new CompileOptions()
                        .optimizer("sgd")
                        .loss(Map.of("output_1", "mse", "outptu_2", "mse"))));
    assertTrue(e.getMessage().contains("'outptu_2'"), e.getMessage());
    assertTrue(e.getMessage().contains("output_2"), e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                m.compile(
                    new CompileOptions()
                        .optimizer("sgd")
                        .loss("mse")
                        .lossWeights(Map.of("output_3", 1.0))));
    assertTrue(e2.getMessage().contains("output_3"), e2.getMessage());
  }

  @Test
  void validationSplitOutsideTheUnitInterval() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSplit(1.0));
    assertTrue(e.getMessage().contains("Received: validationSplit=1.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FitOptions().validationSplit(-0.1));
    Sequential m = model();
    m.compile("sgd", "sparse_categorical_crossentropy");
    Tensor x1 = Tensor.of(new float[3], 1, 3);
    Tensor y1 = Tensor.ofInts(new int[] {0}, 1);
    failsUnchanged(
        m,
        IllegalArgumentException.class,
        () -> m.fit(x1, y1, new FitOptions().validationSplit(0.5).verbose(0)),
        "not sufficient to split");
  }

  @Test
  void wrongNumberOfInputsForAMultiInputModel() {
    Model m = twoInTwoOut();
    m.compile("sgd", "mse");
    Tensor y = Tensor.zeros(4, 1);
    failsUnchanged(
        m,
        IllegalArgumentException.class,
        () -> m.fit(List.of(Tensor.zeros(4, 2)), List.of(y, y), new FitOptions().verbose(0)),
        "expects 2 input(s)",
        "Received: 1");
  }

  @Test
  void inputShapeThatDoesNotMatchTheModel() {
    Sequential m = model();
    m.compile("sgd", "sparse_categorical_crossentropy");
    failsUnchanged(
        m,
        IllegalArgumentException.class,
        () -> m.fit(Tensor.zeros(4, 5), Y, new FitOptions().verbose(0)),
        "expected shape=(None, 3)",
        "(4, 5)");
  }

  @Test
  void wrongNumberOfTargets() {
    Model m = twoInTwoOut();
    m.compile(new CompileOptions().optimizer(new SGD()).loss("mse", "mse"));
    List<Tensor> x = List.of(Tensor.zeros(4, 2), Tensor.zeros(4, 3));
    var e =
        failsUnchanged(
            m,
            IllegalArgumentException.class,
            () -> m.fit(x, List.of(Tensor.zeros(4, 1)), new FitOptions().verbose(0)),
            "2 output(s)");
    assertEquals(IllegalArgumentException.class, e.getClass());
  }
}

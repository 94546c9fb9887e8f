package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.callbacks.History;
import io.keras4j.layers.Concatenate;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.models.PredictOptions;
import io.keras4j.optimizers.Adam;
import io.keras4j.random.RandomOps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** fit, evaluate and predict with inputs and targets keyed by name, as Keras takes dicts. */
class NamedDataTest {
  private static final Tensor WIDE = RandomOps.uniform(new int[] {30, 2}, -1, 1, 1);
  private static final Tensor DEEP = RandomOps.uniform(new int[] {30, 3}, -1, 1, 2);
  private static final Tensor Y1 = RandomOps.uniform(new int[] {30, 1}, -1, 1, 3);
  private static final Tensor Y2 = RandomOps.uniform(new int[] {30, 1}, -1, 1, 4);
  private static final FitOptions FIT = new FitOptions().epochs(2).batchSize(8).verbose(0);
  private static final EvaluateOptions EVAL = new EvaluateOptions().verbose(0);

  private static Model model() {
    Keras.setRandomSeed(17);
    KerasTensor wide = Input.of("wide", 2);
    KerasTensor deep = Input.of("deep", 3);
    KerasTensor h = new Dense(4, "relu").apply(deep);
    KerasTensor out1 = new Dense(1).name("main").apply(new Concatenate().apply(wide, h));
    KerasTensor out2 = new Dense(1).name("aux").apply(h);
    Model m = new Model(List.of(wide, deep), List.of(out1, out2));
    m.compile(
        new CompileOptions()
            .optimizer(new Adam(0.01))
            .loss("mse", "mae")
            .lossWeights(0.8, 0.2)
            .metrics("mae"));
    return m;
  }

  @Test
  void namedTargetsAndInputsTrainAsTheListsInModelOrder() {
    Model byList = model();
    History h1 = byList.fit(List.of(WIDE, DEEP), List.of(Y1, Y2), FIT);
    Model byName = model();
    // Map order differs from the model's: the names decide.
    History h2 = byName.fit(Map.of("deep", DEEP, "wide", WIDE), Map.of("aux", Y2, "main", Y1), FIT);
    assertEquals(h1.history(), h2.history());
    assertTrue(h2.history().containsKey("main_loss") && h2.history().containsKey("aux_mae"));
    List<Tensor> a = byList.getWeights();
    List<Tensor> b = byName.getWeights();
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 0f);
    }
    assertEquals(
        byList.evaluate(List.of(WIDE, DEEP), List.of(Y1, Y2), EVAL),
        byName.evaluate(List.of(WIDE, DEEP), Map.of("main", Y1, "aux", Y2), EVAL));
    assertEquals(
        byList.evaluate(List.of(WIDE, DEEP), List.of(Y1, Y2), EVAL),
        byName.evaluate(Map.of("wide", WIDE, "deep", DEEP), Map.of("main", Y1, "aux", Y2), EVAL));
    List<Tensor> p1 = byList.predict(List.of(WIDE, DEEP), new PredictOptions().verbose(0));
    List<Tensor> p2 =
        byName.predict(Map.of("deep", DEEP, "wide", WIDE), new PredictOptions().verbose(0));
    assertArrayEquals(p1.get(1).toFloatArray(), p2.get(1).toFloatArray(), 0f);
  }

  @Test
  void anUnknownOrMissingNameIsAnErrorListingTheModelsNames() {
    Model m = model();
    var unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.fit(List.of(WIDE, DEEP), Map.of("main", Y1, "auxx", Y2), FIT));
    String msg = unknown.getMessage();
    assertTrue(msg.contains("fit: y has the key 'auxx'"), msg);
    assertTrue(msg.contains("Its outputs are [main, aux]"), msg);
    assertTrue(msg.contains("Did you mean"), msg);
    var missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.evaluate(List.of(WIDE, DEEP), Map.of("main", Y1), EVAL));
    assertTrue(
        missing.getMessage().contains("evaluate: y has no tensor for the output 'aux'"),
        missing.getMessage());
    assertTrue(missing.getMessage().contains("Received keys: [main]"), missing.getMessage());
    var badInput =
        assertThrows(
            IllegalArgumentException.class,
            () -> m.fit(Map.of("wide", WIDE, "dep", DEEP), List.of(Y1, Y2), FIT));
    assertTrue(
        badInput.getMessage().contains("Its inputs are [wide, deep]"), badInput.getMessage());
  }
}

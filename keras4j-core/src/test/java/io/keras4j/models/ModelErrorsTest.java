package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.testing.Quiet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear error naming the layer, the argument, expected and received, and changes
 * nothing.
 */
class ModelErrorsTest {

  @BeforeEach
  void reset() {
    Keras.clearSession();
  }

  private static void assertMessage(Throwable e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message lacks '" + p + "': " + e.getMessage());
    }
  }

  @Test
  void zeroOrNegativeUnits() {
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new Dense(0)),
        "Dense",
        "units",
        "positive",
        "Received: units=0");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new Dense(-1)), "Received: units=-1");
  }

  @Test
  void shapeThatDoesNotFitAtBuild() {
    KerasTensor scalarFeatures = Input.ofBatchShape(-1);
    Dense d = new Dense(3);
    d.name("proj");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> d.apply(scalarFeatures)),
        "'proj'",
        "rank >= 2",
        "Received: input_shape=(None,)");
    assertFalse(d.isBuilt());
  }

  @Test
  void shapeThatDoesNotFitAtCall() {
    Dense d = new Dense(3);
    d.name("proj");
    d.apply(Tensor.zeros(2, 4));
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> d.apply(Tensor.zeros(2, 5))),
        "'proj'",
        "axis -1",
        "value 4",
        "(2, 5)");
    var model = new Sequential(new Dense(2).inputShape(4));
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> model.predict(Tensor.zeros(3, 5), Quiet.predict())),
        "model 'sequential'",
        "expected shape=(None, 4)",
        "found shape=(3, 5)");
  }

  @Test
  void setWeightsWithWrongCountOrShapesChangesNothing() {
    var model = new Sequential(new Dense(2).inputShape(3));
    List<Tensor> before = model.getWeights();
    assertMessage(
        assertThrows(
            IllegalArgumentException.class, () -> model.setWeights(List.of(Tensor.ones(3, 2)))),
        "expects 2 weights",
        "Received: 1 weights");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> model.setWeights(List.of(Tensor.ones(3, 2), Tensor.ones(3)))),
        "'dense/bias'",
        "expects shape (2,)",
        "Received: shape=(3,)");
    // The first weight had the right shape, yet nothing was assigned.
    List<Tensor> after = model.getWeights();
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i).toFloatArray(), after.get(i).toFloatArray());
    }
  }

  @Test
  void twoLayersWithTheSameName() {
    KerasTensor in = Input.of(3);
    KerasTensor h = new Dense(2).name("twin").apply(in);
    KerasTensor out = new Dense(1).name("twin").apply(h);
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new Model(in, out)),
        "\"twin\"",
        "2 times",
        "unique");
    var seq = new Sequential(new Dense(2).name("a").inputShape(3));
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> seq.add(new Dense(1).name("a"))),
        "unique names",
        "'a'");
    assertEquals(1, seq.layers().size());
    assertEquals(1, seq.predict(Tensor.zeros(1, 3), Quiet.predict()).dim(0));
  }

  @Test
  void inputThatIsNotPartOfTheModel() {
    KerasTensor used = Input.of("used", 3);
    KerasTensor other = Input.of("other", 3);
    KerasTensor out = new Dense(1).apply(used);
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new Model(other, out)),
        "Graph disconnected",
        "'used'",
        "not one of the model's inputs",
        "other");
  }

  @Test
  void disconnectedGraph() {
    KerasTensor a = Input.of("a", 2);
    KerasTensor b = Input.of("b", 2);
    KerasTensor ha = new Dense(2).apply(a);
    KerasTensor hb = new Dense(2).apply(b);
    KerasTensor out = new Dense(1).name("head").apply(new Dense(2).apply(ha));
    Model ok = new Model(a, out);
    assertEquals(4, ok.layers().size());
    KerasTensor both = new Dense(1).apply(hb);
    assertMessage(
        assertThrows(
            IllegalArgumentException.class, () -> new Model(List.of(a), List.of(out, both))),
        "Graph disconnected",
        "'b'");
  }

  @Test
  void unknownLayerNameAndWrongInputCount() {
    var model = new Sequential(new Dense(2).inputShape(3));
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> model.getLayer("dense_9")),
        "No such layer: dense_9",
        "dense");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> model.predict(List.of(Tensor.zeros(1, 3), Tensor.zeros(1, 3)), Quiet.predict())),
        "expects 1 input(s)",
        "Received: 2 input(s)");
  }

  @Test
  void optionsCannotChangeAfterBuild() {
    Dense d = new Dense(2);
    d.apply(Tensor.zeros(1, 3));
    assertMessage(
        assertThrows(IllegalStateException.class, () -> d.useBias(false)),
        "useBias",
        "cannot change once the layer is built");
  }

  @Test
  void unknownLayerClassAndLambdaAreRefused() {
    String unknown =
        "{\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":[{\"class_name\":"
            + "\"Dence\",\"config\":{\"units\":2,\"batch_input_shape\":[null,3]}}]}}";
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> Models.modelFromJson(unknown)),
        "Unknown layer class: 'Dence'",
        "Did you mean 'Dense'?");
    String lambda =
        "{\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":[{\"class_name\":"
            + "\"Lambda\",\"config\":{\"name\":\"fn\",\"function\":\"...\"}}]}}";
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> Models.modelFromJson(lambda)),
        "Lambda",
        "name=fn",
        "Python code");
  }

  @Test
  void unknownActivationOrInitializerSuggestsTheClosestName() {
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new Dense(4, "relux")),
        "Unknown activation: 'relux'",
        "Did you mean 'relu'?",
        "Received: activation=relux");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class, () -> new Dense(4).kernelInitializer("glorot_unifrom")),
        "'glorot_unifrom'",
        "Did you mean 'glorot_uniform'?",
        "Received: ");
  }
}

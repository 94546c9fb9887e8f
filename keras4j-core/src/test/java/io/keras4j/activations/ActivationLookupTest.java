package io.keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras string names, aliases, serialization and the errors for unknown names. */
class ActivationLookupTest {
  private static final List<String> KERAS_NAMES =
      List.of(
          "celu",
          "elu",
          "exponential",
          "gelu",
          "glu",
          "hard_shrink",
          "hard_sigmoid",
          "hard_silu",
          "hard_swish",
          "hard_tanh",
          "leaky_relu",
          "linear",
          "log_sigmoid",
          "log_softmax",
          "mish",
          "relu",
          "relu6",
          "selu",
          "sigmoid",
          "silu",
          "swish",
          "soft_shrink",
          "softmax",
          "softplus",
          "softsign",
          "sparse_plus",
          "sparse_sigmoid",
          "sparsemax",
          "squareplus",
          "tanh",
          "tanh_shrink");

  @Test
  void everyKerasNameResolvesAndRoundTrips() {
    for (String name : KERAS_NAMES) {
      ActivationFunction fn = Activations.get(name);
      String serialized = Activations.serialize(fn);
      assertSame(fn, Activations.get(serialized), name);
    }
    assertTrue(Activations.names().containsAll(KERAS_NAMES));
  }

  @Test
  void aliasesSerializeUnderTheirKerasName() {
    assertEquals("silu", Activations.serialize(Activations.get("swish")));
    assertEquals("hard_silu", Activations.serialize(Activations.get("hard_swish")));
    assertEquals("relu", Activations.get("relu").name());
  }

  @Test
  void namedFunctionsComputeWhatTheStaticMethodsDo() {
    Tensor x = Tensor.of(-2f, -0.5f, 0.25f, 3f);
    assertArrayEquals(
        Activations.leakyRelu(x, 0.2).toFloatArray(),
        Activations.get("leaky_relu").apply(x).toFloatArray());
    assertArrayEquals(
        Activations.gelu(x, false).toFloatArray(), Activations.get("gelu").apply(x).toFloatArray());
    assertArrayEquals(
        Activations.softmax(x, -1).toFloatArray(),
        Activations.get("softmax").apply(x).toFloatArray());
  }

  @Test
  void nullIsLinearAsInKeras() {
    assertEquals("linear", Activations.get(null).name());
  }

  @Test
  void unknownNameSuggestsTheClosest() {
    var e = assertThrows(IllegalArgumentException.class, () -> Activations.get("relux"));
    assertEquals(
        "Unknown activation: 'relux'. Did you mean 'relu'? Received: activation=relux",
        e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> Activations.get("LeakyReLU"));
    assertTrue(e2.getMessage().contains("Did you mean 'leaky_relu'?"), e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class, () -> Activations.get("zzzzzzzz"));
    assertEquals("Unknown activation: 'zzzzzzzz'. Received: activation=zzzzzzzz", e3.getMessage());
  }

  @Test
  void thresholdNeedsItsArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> Activations.get("threshold"));
    assertTrue(e.getMessage().contains("Activations.threshold(x, threshold, defaultValue)"));
  }

  @Test
  void lambdasCannotBeSerializedUntilRegistered() {
    ActivationFunction cube = x -> Ops.multiply(x, Ops.square(x));
    var e = assertThrows(IllegalArgumentException.class, () -> Activations.serialize(cube));
    assertTrue(e.getMessage().contains("Activations.register"), e.getMessage());

    ActivationFunction registered = Activations.register("test_cube", cube);
    assertEquals("test_cube", Activations.serialize(registered));
    assertSame(registered, Activations.get("test_cube"));
    assertEquals(8f, Activations.get("test_cube").apply(Tensor.of(2f)).toFloatArray()[0]);
    assertThrows(IllegalArgumentException.class, () -> Activations.register("relu", cube));
  }

  @Test
  void deserializesKeras3FunctionDictionaries() {
    Map<String, Object> config =
        Map.of(
            "module", "keras.activations",
            "class_name", "function",
            "config", "tanh",
            "registered_name", "function");
    assertSame(Activations.get("tanh"), Activations.deserialize(config));
    assertThrows(
        IllegalArgumentException.class,
        () -> Activations.deserialize(Map.of("class_name", "function")));
  }
}

package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, Keras 2 / Keras 3 / TF.js JSON, round trips and errors. */
class InitializersLookupTest {
  @Test
  void kerasStringNames() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("glorot_uniform", "GlorotUniform");
    expected.put("glorot_normal", "GlorotNormal");
    expected.put("he_normal", "HeNormal");
    expected.put("he_uniform", "HeUniform");
    expected.put("lecun_normal", "LecunNormal");
    expected.put("lecun_uniform", "LecunUniform");
    expected.put("zeros", "Zeros");
    expected.put("zero", "Zeros");
    expected.put("ones", "Ones");
    expected.put("one", "Ones");
    expected.put("constant", "Constant");
    expected.put("random_normal", "RandomNormal");
    expected.put("normal", "RandomNormal");
    expected.put("random_uniform", "RandomUniform");
    expected.put("uniform", "RandomUniform");
    expected.put("truncated_normal", "TruncatedNormal");
    expected.put("orthogonal", "Orthogonal");
    expected.put("OrthogonalInitializer", "Orthogonal");
    expected.put("identity", "Identity");
    expected.put("IdentityInitializer", "Identity");
    expected.put("variance_scaling", "VarianceScaling");
    expected.put("VarianceScaling", "VarianceScaling");
    expected.put("GlorotUniform", "GlorotUniform");
    expected.forEach((name, cls) -> assertEquals(cls, Initializers.get(name).className(), name));
  }

  @Test
  void getMakesAFreshInstanceWithKerasDefaults() {
    Initializer a = Initializers.get("glorot_uniform");
    assertNotSame(a, Initializers.get("glorot_uniform"));
    var vs = (VarianceScaling) Initializers.get("variance_scaling");
    assertEquals(1.0, vs.scale());
    assertEquals("fan_in", vs.mode());
    assertEquals("truncated_normal", vs.distribution());
    assertEquals(Map.of("value", 0.0), Initializers.get("constant").getConfig());
  }

  @Test
  void serializeWritesKeras3Form() {
    Map<String, Object> config = new HashMap<>();
    config.put("seed", 3L);
    config.put("input_axes", null);
    config.put("output_axes", null);
    Map<String, Object> expected = new HashMap<>();
    expected.put("module", "keras.initializers");
    expected.put("class_name", "GlorotUniform");
    expected.put("config", config);
    expected.put("registered_name", null);
    assertEquals(expected, Initializers.serialize(new GlorotUniform(3)));
    assertEquals(
        List.of("module", "class_name", "config", "registered_name"),
        List.copyOf(Initializers.serialize(new Zeros()).keySet()));
  }

  @Test
  void everyInitializerRoundTripsThroughItsConfig() {
    List<Initializer> all =
        List.of(
            new Constant(1.5),
            new Zeros(),
            new Ones(),
            new Identity(0.5),
            new Orthogonal(2.0, 1),
            new RandomNormal(1, 2, 3),
            new TruncatedNormal(0.5, 0.1, 4),
            new RandomUniform(-3, -1, 5),
            new VarianceScaling(2.5, "fan_out", "untruncated_normal", 6),
            new VarianceScaling(1, "fan_in", "uniform", 7L, new int[] {0}, new int[] {1}),
            new GlorotUniform(8),
            new GlorotNormal(9),
            new HeUniform(10),
            new HeNormal(11),
            new LecunUniform(12),
            new LecunNormal(13));
    for (Initializer init : all) {
      Initializer back = Initializers.deserialize(Initializers.serialize(init));
      assertEquals(init.className(), back.className());
      assertEquals(init.getConfig(), back.getConfig(), init.className());
      // Same seed and arguments: the same values.
      assertArrayEquals(
          init.apply(6, 4).toFloatArray(), back.apply(6, 4).toFloatArray(), init.className());
    }
  }

  @Test
  void readsKeras2Json() {
    var init =
        Initializers.deserialize(
            Map.of(
                "class_name",
                "VarianceScaling",
                "config",
                Map.of("scale", 2.0, "mode", "fan_in", "distribution", "untruncated_normal")));
    var vs = assertInstanceOf(VarianceScaling.class, init);
    assertEquals(2.0, vs.scale());
    assertEquals("untruncated_normal", vs.distribution());
    assertInstanceOf(
        GlorotUniform.class, Initializers.deserialize(Map.of("class_name", "GlorotUniform")));
    // TF 1.x-era .h5 files carry a dtype in every initializer config.
    assertInstanceOf(
        GlorotUniform.class,
        Initializers.deserialize(
            Map.of("class_name", "GlorotUniform", "config", Map.of("dtype", "float32"))));
  }

  @Test
  void readsTfjsJson() {
    // As in the TF.js golden models: int scale, "normal" meaning truncated normal, a null seed.
    Map<String, Object> config = new HashMap<>();
    config.put("scale", 1);
    config.put("mode", "fan_avg");
    config.put("distribution", "normal");
    config.put("seed", null);
    var vs =
        assertInstanceOf(
            VarianceScaling.class,
            Initializers.deserialize(Map.of("class_name", "VarianceScaling", "config", config)));
    assertEquals("truncated_normal", vs.distribution());
    assertEquals("fan_avg", vs.mode());
    config.put("mode", "fanAvg");
    assertEquals(
        "fan_avg",
        ((VarianceScaling)
                Initializers.deserialize(Map.of("class_name", "VarianceScaling", "config", config)))
            .mode());
    assertEquals(
        "LecunNormal", Initializers.deserialize(Map.of("class_name", "LeCunNormal")).className());
    Map<String, Object> ortho = new HashMap<>();
    ortho.put("gain", 1);
    ortho.put("seed", null);
    assertEquals(
        1.0,
        ((Orthogonal) Initializers.deserialize(Map.of("class_name", "Orthogonal", "config", ortho)))
            .gain());
  }

  @Test
  void unknownNamesSuggestTheClosest() {
    var e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("glorot_unifrom"));
    assertEquals(
        "Unknown initializer: 'glorot_unifrom'. Did you mean 'glorot_uniform'? Received:"
            + " initializer=glorot_unifrom",
        e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () -> Initializers.deserialize(Map.of("class_name", "HeNromal")));
    assertTrue(e2.getMessage().contains("Did you mean 'HeNormal'?"), e2.getMessage());
    assertTrue(e2.getMessage().endsWith("Received: class_name=HeNromal"), e2.getMessage());
  }

  @Test
  void badConfigsAreRejectedWithTheKeyAndValue() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Initializers.deserialize(
                    Map.of("class_name", "RandomNormal", "config", Map.of("stdev", 0.1))));
    assertTrue(e.getMessage().contains("Unrecognized argument 'stdev'"), e.getMessage());
    assertTrue(e.getMessage().contains("Did you mean 'stddev'?"), e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Initializers.deserialize(
                    Map.of("class_name", "RandomNormal", "config", Map.of("stddev", "big"))));
    assertEquals(
        "Invalid config for RandomNormal: expected a number for 'stddev'. Received: stddev='big'",
        e2.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Initializers.deserialize(Map.of()));
  }

  @Test
  void varianceScalingValidatesItsArguments() {
    var e = assertThrows(IllegalArgumentException.class, () -> new VarianceScaling(-1));
    assertEquals("Argument `scale` must be positive float. Received: scale=-1.0", e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class, () -> new VarianceScaling(1, "fan_inn", "uniform"));
    assertEquals(
        "Invalid `mode` argument: expected one of [fan_in, fan_out, fan_avg]. Did you mean"
            + " 'fan_in'? Received: mode=fan_inn",
        e2.getMessage());
    var e3 =
        assertThrows(
            IllegalArgumentException.class, () -> new VarianceScaling(1, "fan_in", "gaussian"));
    assertTrue(e3.getMessage().endsWith("Received: distribution=gaussian"), e3.getMessage());
    assertEquals("uniform", new VarianceScaling(1, "fan_in", "UNIFORM").distribution());
  }

  @Test
  void namesListsEveryAlias() {
    assertTrue(
        Initializers.names()
            .containsAll(Arrays.asList("he_normal", "HeNormal", "LeCunUniform", "zero")));
  }
}

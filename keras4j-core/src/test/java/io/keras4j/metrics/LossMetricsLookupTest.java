package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, aliases, configs and Keras JSON of the metrics that average a loss function. */
class LossMetricsLookupTest {
  @Test
  void kerasNamesAndAliases() {
    // Keras 3's metrics.get: class names, their snake_case, and "bce"/"BCE".
    Object[][] cases = {
      {"binary_crossentropy", BinaryCrossentropy.class},
      {"BinaryCrossentropy", BinaryCrossentropy.class},
      {"bce", BinaryCrossentropy.class},
      {"BCE", BinaryCrossentropy.class},
      {"categorical_crossentropy", CategoricalCrossentropy.class},
      {"sparse_categorical_crossentropy", SparseCategoricalCrossentropy.class},
      {"kl_divergence", KLDivergence.class},
      {"KLDivergence", KLDivergence.class},
      {"poisson", Poisson.class},
      {"hinge", Hinge.class},
      {"squared_hinge", SquaredHinge.class},
      {"categorical_hinge", CategoricalHinge.class},
      {"cosine_similarity", CosineSimilarity.class},
      {"log_cosh_error", LogCoshError.class},
      {"LogCoshError", LogCoshError.class},
    };
    for (Object[] c : cases) {
      Metric m = Metrics.get((String) c[0]);
      assertInstanceOf((Class<?>) c[1], m, (String) c[0]);
      assertEquals(c[0], m.name(), "named as given");
    }
    // Keras 3's metrics module has neither Keras 2's "kld" nor "logcosh".
    var e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("kld"));
    assertTrue(e.getMessage().startsWith("Unknown metric: 'kld'."), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> Metrics.get("logcosh"));
    assertTrue(e2.getMessage().startsWith("Unknown metric: 'logcosh'."), e2.getMessage());
  }

  @Test
  void configsAreKerasShaped() {
    Map<String, Object> bce = new LinkedHashMap<>();
    bce.put("name", "bce_1");
    bce.put("dtype", "float32");
    bce.put("from_logits", true);
    bce.put("label_smoothing", 0.2);
    assertEquals(
        bce, new BinaryCrossentropy("bce_1").fromLogits(true).labelSmoothing(0.2).getConfig());
    Map<String, Object> scce = new LinkedHashMap<>();
    scce.put("name", "sparse_categorical_crossentropy");
    scce.put("dtype", "float32");
    scce.put("from_logits", false);
    scce.put("ignore_class", null);
    scce.put("axis", -1);
    assertEquals(scce, new SparseCategoricalCrossentropy().getConfig());
    assertEquals(List.of("name", "dtype"), List.copyOf(new Poisson().getConfig().keySet()));
    assertEquals(
        List.of("name", "dtype", "from_logits", "label_smoothing", "axis"),
        List.copyOf(new CategoricalCrossentropy().getConfig().keySet()));
    assertEquals(0, new CosineSimilarity().axis(0).getConfig().get("axis"));
  }

  @Test
  void serializeDeserializeRoundTrips() {
    List<Metric> metrics =
        List.of(
            new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1),
            new CategoricalCrossentropy("cce").fromLogits(true).labelSmoothing(0.3).axis(1),
            new SparseCategoricalCrossentropy().fromLogits(true).ignoreClass(-1).axis(-2),
            new SparseCategoricalCrossentropy(),
            new KLDivergence("kld"),
            new Poisson(),
            new Hinge(),
            new SquaredHinge(),
            new CategoricalHinge(),
            new CosineSimilarity().axis(1),
            new LogCoshError());
    for (Metric m : metrics) {
      Map<String, Object> json = Metrics.serialize(m);
      assertEquals("keras.metrics", json.get("module"));
      assertEquals(m.className(), json.get("class_name"));
      Metric back = Metrics.deserialize(json);
      assertEquals(m.getClass(), back.getClass());
      assertEquals(m.getConfig(), back.getConfig(), m.className());
    }
  }

  @Test
  void readsKerasJson() {
    // As Keras 3 writes SparseCategoricalCrossentropy(from_logits=True, ignore_class=0).
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("name", "scce");
    cfg.put("dtype", "float32");
    cfg.put("from_logits", true);
    cfg.put("ignore_class", 0);
    cfg.put("axis", -1);
    var m =
        (SparseCategoricalCrossentropy)
            Metrics.deserialize(
                Map.of(
                    "module",
                    "keras.metrics",
                    "class_name",
                    "SparseCategoricalCrossentropy",
                    "config",
                    cfg));
    assertEquals("scce", m.name());
    assertTrue(m.fromLogits());
    assertEquals(0, m.ignoreClass());
    // Keras writes label_smoothing=0 as an integer; Keras 3's CosineSimilarity omits axis.
    var b =
        (BinaryCrossentropy)
            Metrics.deserialize(
                Map.of(
                    "class_name",
                    "BinaryCrossentropy",
                    "config",
                    Map.of(
                        "name",
                        "binary_crossentropy",
                        "from_logits",
                        false,
                        "label_smoothing",
                        0)));
    assertEquals(0.0, b.labelSmoothing());
    var c =
        (CosineSimilarity)
            Metrics.deserialize(
                Map.of("class_name", "CosineSimilarity", "config", Map.of("name", "cos")));
    assertEquals(-1, c.axis());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Metrics.deserialize(
                    Map.of("class_name", "Poisson", "config", Map.of("from_logits", true))));
    assertTrue(e.getMessage().contains("from_logits"), e.getMessage());
    var e2 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Metrics.deserialize(
                    Map.of(
                        "class_name",
                        "BinaryCrossentropy",
                        "config",
                        Map.of("label_smoothing", 2.0))));
    assertEquals(
        "BinaryCrossentropy: labelSmoothing must be in [0, 1]. Received: labelSmoothing=2.0",
        e2.getMessage());
  }
}

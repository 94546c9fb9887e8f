package io.keras4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics.get, the compile-time "accuracy" resolution, and the Keras JSON round trip. */
class MetricsLookupTest {
  @Test
  void kerasNamesAndAliases() {
    Object[][] cases = {
      {"mae", MeanAbsoluteError.class},
      {"MAE", MeanAbsoluteError.class},
      {"mse", MeanSquaredError.class},
      {"mape", MeanAbsolutePercentageError.class},
      {"msle", MeanSquaredLogarithmicError.class},
      {"accuracy", Accuracy.class},
      {"binary_accuracy", BinaryAccuracy.class},
      {"categorical_accuracy", CategoricalAccuracy.class},
      {"sparse_categorical_accuracy", SparseCategoricalAccuracy.class},
      {"top_k_categorical_accuracy", TopKCategoricalAccuracy.class},
      {"sparse_top_k_categorical_accuracy", SparseTopKCategoricalAccuracy.class},
      {"auc", AUC.class},
      {"AUC", AUC.class},
      {"precision", Precision.class},
      {"Precision", Precision.class},
      {"recall", Recall.class},
      {"true_positives", TruePositives.class},
      {"FalseNegatives", FalseNegatives.class},
      {"root_mean_squared_error", RootMeanSquaredError.class},
      {"r2_score", R2Score.class},
      {"f1_score", F1Score.class},
      {"f_beta_score", FBetaScore.class},
      {"mean", Mean.class},
      {"Sum", Sum.class},
    };
    for (Object[] c : cases) {
      Metric m = Metrics.get((String) c[0]);
      assertInstanceOf((Class<?>) c[1], m, (String) c[0]);
      assertEquals(c[0], m.name(), "named as given");
    }
    assertEquals(5, ((TopKCategoricalAccuracy) Metrics.get("top_k_categorical_accuracy")).k());
  }

  @Test
  void unknownNamesSuggestTheClosest() {
    var e = assertThrows(IllegalArgumentException.class, () -> Metrics.get("acuracy"));
    assertEquals(
        "Unknown metric: 'acuracy'. Did you mean 'accuracy'? Received: metric=acuracy",
        e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> Metrics.get("presicion"));
    assertTrue(e2.getMessage().contains("Did you mean 'precision'?"), e2.getMessage());
    // Keras's metrics.get does not know "acc"; only compile's resolution does.
    assertThrows(IllegalArgumentException.class, () -> Metrics.get("acc"));
  }

  @Test
  void accuracyResolvedFromShapesAsKerasCompile() {
    Metric binary = Metrics.get("accuracy", new int[] {-1, 1}, new int[] {-1, 1});
    assertInstanceOf(BinaryAccuracy.class, binary);
    assertEquals("accuracy", binary.name());
    Metric sparse = Metrics.get("acc", new int[] {-1}, new int[] {-1, 10});
    assertInstanceOf(SparseCategoricalAccuracy.class, sparse);
    assertEquals("acc", sparse.name());
    assertInstanceOf(
        SparseCategoricalAccuracy.class,
        Metrics.get("Accuracy", new int[] {32, 1}, new int[] {32, 10}));
    Metric categorical = Metrics.get("ACC", new int[] {-1, 10}, new int[] {-1, 10});
    assertInstanceOf(CategoricalAccuracy.class, categorical);
    assertEquals("ACC", categorical.name());
    // Other names are plain lookups.
    assertInstanceOf(AUC.class, Metrics.get("auc", new int[] {-1, 1}, new int[] {-1, 1}));
    // The resolved metric works: one-hot (2, 3) -> categorical, argmax right once.
    categorical.updateState(
        Tensor.of(new float[][] {{0, 1, 0}, {1, 0, 0}}),
        Tensor.of(new float[][] {{0.1f, 0.8f, 0.1f}, {0.2f, 0.7f, 0.1f}}));
    assertEquals(0.5f, categorical.result().item());
  }

  @Test
  void configsAreKerasShaped() {
    Map<String, Object> p =
        new Precision().thresholds(0.3, 0.7).topK(2).classId(1).name("p").getConfig();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "p");
    expected.put("dtype", "float32");
    expected.put("thresholds", List.of(0.3, 0.7));
    expected.put("top_k", 2);
    expected.put("class_id", 1);
    assertEquals(expected, p);
    Map<String, Object> auc = new AUC().name("auc_1").getConfig();
    assertEquals(200, auc.get("num_thresholds"));
    assertEquals("ROC", auc.get("curve"));
    assertEquals("interpolation", auc.get("summation_method"));
    assertEquals(false, auc.get("multi_label"));
    assertTrue(!auc.containsKey("thresholds"));
    assertEquals(List.of(0.3, 0.5), new AUC().thresholds(0.5, 0.3).getConfig().get("thresholds"));
    assertEquals(4, new AUC().thresholds(0.5, 0.3).getConfig().get("num_thresholds"));
    assertEquals(0.5, new TruePositives().thresholds(0.5).getConfig().get("thresholds"));
  }

  @Test
  void serializeDeserializeRoundTrips() {
    List<Metric> metrics =
        List.of(
            new Mean("loss"),
            new Sum(),
            new Accuracy(),
            new BinaryAccuracy().threshold(0.3),
            new CategoricalAccuracy(),
            new SparseCategoricalAccuracy(),
            new TopKCategoricalAccuracy(3),
            new SparseTopKCategoricalAccuracy(2).fromSortedIds(true),
            new MeanSquaredError(),
            new RootMeanSquaredError(),
            new MeanAbsoluteError(),
            new MeanAbsolutePercentageError(),
            new MeanSquaredLogarithmicError(),
            new AUC()
                .curve("PR")
                .summationMethod("majoring")
                .multiLabel(true)
                .numLabels(2)
                .labelWeights(1, 2)
                .fromLogits(true)
                .name("auc_1"),
            new AUC().thresholds(0.2, 0.6),
            new Precision().thresholds(0.3, 0.7).topK(2).classId(1),
            new Recall().thresholds(0.4),
            new TruePositives().thresholds(0.1, 0.9),
            new TrueNegatives(),
            new FalsePositives().thresholds(0.2),
            new FalseNegatives(),
            new F1Score().average("macro").threshold(0.4),
            new FBetaScore().beta(2.0).average("weighted"),
            new R2Score().classAggregation(null).numRegressors(2),
            new R2Score().classAggregation("variance_weighted_average"));
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
    // As Keras 3 writes AUC(num_thresholds=50, curve="PR") (label_weights and num_labels null).
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("name", "pr_auc");
    cfg.put("dtype", "float32");
    cfg.put("num_thresholds", 50);
    cfg.put("curve", "PR");
    cfg.put("summation_method", "interpolation");
    cfg.put("multi_label", false);
    cfg.put("num_labels", null);
    cfg.put("label_weights", null);
    cfg.put("from_logits", false);
    Metric m =
        Metrics.deserialize(Map.of("module", "keras.metrics", "class_name", "AUC", "config", cfg));
    assertEquals("pr_auc", m.name());
    assertEquals(50, ((AUC) m).numThresholds());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Metrics.deserialize(
                    Map.of("class_name", "Precision", "config", Map.of("treshold", 0.5))));
    assertTrue(e.getMessage().contains("Did you mean 'thresholds'?"), e.getMessage());
  }

  @Test
  void functionsCannotBeSerialized() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Metrics.serialize(new MeanMetricWrapper((t, p) -> t, "identity")));
    assertTrue(
        e.getMessage().startsWith("Metrics: only the built-in metric classes can be serialized"),
        e.getMessage());
  }

  @Test
  void directions() {
    assertEquals("up", Metrics.get("auc").direction());
    assertEquals("up", Metrics.get("accuracy").direction());
    assertEquals("down", Metrics.get("mae").direction());
    assertEquals(null, Metrics.get("true_positives").direction());
    assertEquals(null, new Mean().direction());
  }
}

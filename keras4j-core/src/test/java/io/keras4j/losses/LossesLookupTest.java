package io.keras4j.losses;

import static io.keras4j.losses.LossAsserts.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, configs and JSON as Keras 3 has them (keras/src/losses/__init__.py and losses.py). */
class LossesLookupTest {

  /** Keras's function names and aliases, the class each gives, and the name it carries. */
  @Test
  void functionNamesAndAliases() {
    Object[][] cases = {
      {"mean_squared_error", MeanSquaredError.class, "mean_squared_error"},
      {"mse", MeanSquaredError.class, "mean_squared_error"},
      {"MSE", MeanSquaredError.class, "mean_squared_error"},
      {"mean_absolute_error", MeanAbsoluteError.class, "mean_absolute_error"},
      {"mae", MeanAbsoluteError.class, "mean_absolute_error"},
      {"MAE", MeanAbsoluteError.class, "mean_absolute_error"},
      {"mape", MeanAbsolutePercentageError.class, "mean_absolute_percentage_error"},
      {"MAPE", MeanAbsolutePercentageError.class, "mean_absolute_percentage_error"},
      {"msle", MeanSquaredLogarithmicError.class, "mean_squared_logarithmic_error"},
      {"MSLE", MeanSquaredLogarithmicError.class, "mean_squared_logarithmic_error"},
      {"kld", KLDivergence.class, "kl_divergence"},
      {"KLD", KLDivergence.class, "kl_divergence"},
      {"kl_divergence", KLDivergence.class, "kl_divergence"},
      {"logcosh", LogCosh.class, "log_cosh"},
      {"log_cosh", LogCosh.class, "log_cosh"},
      {"huber", Huber.class, "huber"},
      {"poisson", Poisson.class, "poisson"},
      {"cosine_similarity", CosineSimilarity.class, "cosine_similarity"},
      {"hinge", Hinge.class, "hinge"},
      {"squared_hinge", SquaredHinge.class, "squared_hinge"},
      {"categorical_hinge", CategoricalHinge.class, "categorical_hinge"},
      {"binary_crossentropy", BinaryCrossentropy.class, "binary_crossentropy"},
      {"bce", BinaryCrossentropy.class, "binary_crossentropy"},
      {"BCE", BinaryCrossentropy.class, "binary_crossentropy"},
      {"categorical_crossentropy", CategoricalCrossentropy.class, "categorical_crossentropy"},
      {
        "sparse_categorical_crossentropy",
        SparseCategoricalCrossentropy.class,
        "sparse_categorical_crossentropy"
      },
      {"binary_focal_crossentropy", BinaryFocalCrossentropy.class, "binary_focal_crossentropy"},
      {
        "categorical_focal_crossentropy",
        CategoricalFocalCrossentropy.class,
        "categorical_focal_crossentropy"
      },
    };
    for (Object[] c : cases) {
      Loss loss = Losses.get((String) c[0]);
      assertInstanceOf((Class<?>) c[1], loss, (String) c[0]);
      assertEquals(c[2], loss.name(), (String) c[0]);
      assertEquals("sum_over_batch_size", loss.reduction());
    }
  }

  /** Class names give Keras's default names (Huber's is "huber_loss"). */
  @Test
  void classNames() {
    Object[][] cases = {
      {"MeanSquaredError", "mean_squared_error"},
      {"MeanAbsoluteError", "mean_absolute_error"},
      {"MeanAbsolutePercentageError", "mean_absolute_percentage_error"},
      {"MeanSquaredLogarithmicError", "mean_squared_logarithmic_error"},
      {"CosineSimilarity", "cosine_similarity"},
      {"Huber", "huber_loss"},
      {"LogCosh", "log_cosh"},
      {"Hinge", "hinge"},
      {"SquaredHinge", "squared_hinge"},
      {"CategoricalHinge", "categorical_hinge"},
      {"KLDivergence", "kl_divergence"},
      {"Poisson", "poisson"},
      {"BinaryCrossentropy", "binary_crossentropy"},
      {"BinaryFocalCrossentropy", "binary_focal_crossentropy"},
      {"CategoricalCrossentropy", "categorical_crossentropy"},
      {"CategoricalFocalCrossentropy", "categorical_focal_crossentropy"},
      {"SparseCategoricalCrossentropy", "sparse_categorical_crossentropy"},
    };
    for (Object[] c : cases) {
      Loss loss = Losses.get((String) c[0]);
      assertEquals(c[0], loss.className());
      assertEquals(c[1], loss.name());
    }
    assertTrue(Losses.names().contains("mse"));
    assertNull(Losses.get((String) null));
  }

  @Test
  void unknownNamesSuggestTheClosest() {
    assertError(
        () -> Losses.get("mean_sqared_error"),
        "Unknown loss: 'mean_sqared_error'.",
        "Did you mean 'mean_squared_error'?",
        "Received: loss=mean_sqared_error");
    assertError(() -> Losses.get("BinaryCrossEntropy"), "Did you mean 'BinaryCrossentropy'?");
  }

  /** Every class with options off their defaults survives serialize, JSON text and deserialize. */
  @Test
  void configRoundTrip() {
    List<Loss> losses = new ArrayList<>();
    losses.add(new MeanSquaredError().name("m").reduction("sum"));
    losses.add(new MeanAbsoluteError().reduction(null));
    losses.add(new MeanAbsolutePercentageError().reduction("none"));
    losses.add(new MeanSquaredLogarithmicError().reduction("mean"));
    losses.add(new CosineSimilarity().axis(1).reduction("mean_with_sample_weight"));
    losses.add(new Huber().delta(0.5));
    losses.add(new LogCosh());
    losses.add(new Hinge());
    losses.add(new SquaredHinge());
    losses.add(new CategoricalHinge());
    losses.add(new KLDivergence());
    losses.add(new Poisson());
    losses.add(new BinaryCrossentropy().fromLogits(true).labelSmoothing(0.1).axis(0));
    losses.add(
        new BinaryFocalCrossentropy()
            .applyClassBalancing(true)
            .alpha(0.4)
            .gamma(1.5)
            .fromLogits(true)
            .labelSmoothing(0.2)
            .axis(1));
    losses.add(new CategoricalCrossentropy().fromLogits(true).labelSmoothing(0.3).axis(1));
    losses.add(
        new CategoricalFocalCrossentropy()
            .alpha(0.5)
            .gamma(3)
            .fromLogits(true)
            .labelSmoothing(0.1));
    losses.add(new SparseCategoricalCrossentropy().fromLogits(true).ignoreClass(-1).axis(1));
    for (Loss loss : losses) {
      Map<String, Object> json = Losses.serialize(loss);
      assertEquals("keras.losses", json.get("module"));
      assertEquals(loss.className(), json.get("class_name"));
      Map<String, Object> parsed = Json.readObject(Json.write(json));
      Loss back = Losses.deserialize(parsed);
      assertEquals(loss.getClass(), back.getClass());
      assertEquals(loss.getConfig(), back.getConfig(), loss.className());
    }
  }

  /** The keys and their order, as Keras 3's get_config. */
  @Test
  void configKeys() {
    assertEquals(
        List.of(
            "name",
            "reduction",
            "from_logits",
            "label_smoothing",
            "axis",
            "apply_class_balancing",
            "alpha",
            "gamma"),
        List.copyOf(new BinaryFocalCrossentropy().getConfig().keySet()));
    assertEquals(
        List.of("name", "reduction", "from_logits", "ignore_class", "axis"),
        List.copyOf(new SparseCategoricalCrossentropy().getConfig().keySet()));
    assertEquals(
        List.of("name", "reduction", "delta"), List.copyOf(new Huber().getConfig().keySet()));
    assertEquals(List.of("name", "reduction"), List.copyOf(new Poisson().getConfig().keySet()));
  }

  @Test
  void kerasJson() {
    // Keras 3's serialization of SparseCategoricalCrossentropy(from_logits=True).
    Loss scce =
        Losses.deserialize(
            json(
                "{\"module\": \"keras.losses\", \"class_name\": \"SparseCategoricalCrossentropy\","
                    + " \"config\": {\"name\": \"sparse_categorical_crossentropy\", \"reduction\":"
                    + " \"sum_over_batch_size\", \"from_logits\": true, \"ignore_class\": null,"
                    + " \"axis\": -1}, \"registered_name\": null}"));
    assertTrue(((SparseCategoricalCrossentropy) scce).fromLogits());
    assertNull(((SparseCategoricalCrossentropy) scce).ignoreClass());
    // Keras 3's serialization of the function keras.losses.mean_squared_error.
    Loss fn =
        Losses.deserialize(
            json(
                "{\"module\": \"keras.losses\", \"class_name\": \"function\", \"config\":"
                    + " \"mean_squared_error\", \"registered_name\": \"mean_squared_error\"}"));
    assertInstanceOf(MeanSquaredError.class, fn);
    // Keras 2 (tf.keras): no module, reduction "auto".
    Loss keras2 =
        Losses.get(
            json(
                "{\"class_name\": \"CategoricalCrossentropy\", \"config\": {\"reduction\": \"auto\","
                    + " \"name\": \"categorical_crossentropy\", \"from_logits\": false,"
                    + " \"label_smoothing\": 0.1, \"axis\": -1}}"));
    assertEquals("sum_over_batch_size", keras2.reduction());
    assertEquals(0.1, ((CategoricalCrossentropy) keras2).labelSmoothing());
    // An unknown key is refused, suggesting the closest.
    assertError(
        () -> Losses.deserialize(json("{\"class_name\": \"Huber\", \"config\": {\"deltaa\": 2}}")),
        "Unrecognized argument 'deltaa'",
        "Did you mean 'delta'?");
    assertError(
        () -> Losses.deserialize(json("{\"class_name\": \"Hubber\", \"config\": {}}")),
        "Unknown loss: 'Hubber'",
        "Did you mean 'Huber'?");
  }

  @Test
  void automaticName() {
    assertTrue(new Huber().name(null).name().startsWith("huber"));
  }

  @Test
  void lossFunctions() {
    // The static functions give the classes' unreduced values.
    var yTrue = io.keras4j.Tensor.of(new float[][] {{0, 1}, {1, 0}});
    var yPred = io.keras4j.Tensor.of(new float[][] {{0.4f, 0.6f}, {0.3f, 0.7f}});
    LossAsserts.assertSame(
        new BinaryCrossentropy().labelSmoothing(0.1).compute(yTrue, yPred),
        Losses.binaryCrossentropy(yTrue, yPred, false, 0.1, -1));
    LossAsserts.assertSame(
        new CategoricalFocalCrossentropy().compute(yTrue, yPred),
        Losses.categoricalFocalCrossentropy(yTrue, yPred, 0.25, 2, false, 0, -1));
    LossAsserts.assertSame(
        new BinaryFocalCrossentropy().compute(yTrue, yPred),
        Losses.binaryFocalCrossentropy(yTrue, yPred, false, 0.25, 2, false, 0, -1));
    LossAsserts.assertSame(
        new BinaryCrossentropy().compute(yTrue, yPred), Losses.binaryCrossentropy(yTrue, yPred));
    LossAsserts.assertSame(
        new CategoricalCrossentropy().compute(yTrue, yPred),
        Losses.categoricalCrossentropy(yTrue, yPred));
    LossAsserts.assertSame(
        new CategoricalCrossentropy().compute(yTrue, yPred),
        Losses.sparseCategoricalCrossentropy(io.keras4j.Tensor.ofInts(new int[] {1, 0}, 2), yPred));
    LossAsserts.assertSame(new Dice().compute(yTrue, yPred), Losses.dice(yTrue, yPred));
    LossAsserts.assertSame(
        new Tversky().alpha(0.3).beta(0.7).axis(1).compute(yTrue, yPred),
        Losses.tversky(yTrue, yPred, 0.3, 0.7, 1));
  }

  private static Map<String, Object> json(String text) {
    return new LinkedHashMap<>(Json.readObject(text));
  }
}

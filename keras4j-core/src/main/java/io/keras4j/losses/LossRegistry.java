package io.keras4j.losses;

import io.keras4j.internal.Registry;
import io.keras4j.saving.Config;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The table behind {@link Losses}: Keras 3's loss classes, built from their configs, and its loss
 * functions and aliases ({@code keras/src/losses/__init__.py}), which give the class with the
 * function's name.
 */
final class LossRegistry {
  private LossRegistry() {}

  static final Registry<Loss> REGISTRY = new Registry<Loss>("loss");

  static {
    // Classes, from their configs.
    plain("MeanSquaredError", MeanSquaredError::new);
    plain("MeanAbsoluteError", MeanAbsoluteError::new);
    plain("MeanAbsolutePercentageError", MeanAbsolutePercentageError::new);
    plain("MeanSquaredLogarithmicError", MeanSquaredLogarithmicError::new);
    plain("LogCosh", LogCosh::new);
    plain("KLDivergence", KLDivergence::new);
    plain("Poisson", Poisson::new);
    plain("Hinge", Hinge::new);
    plain("SquaredHinge", SquaredHinge::new);
    plain("CategoricalHinge", CategoricalHinge::new);
    REGISTRY.add("Huber", c -> base(new Huber(), c, "delta").delta(c.getDouble("delta", 1.0)));
    REGISTRY.add(
        "CosineSimilarity",
        c -> base(new CosineSimilarity(), c, "axis").axis(c.getInt("axis", -1)));
    REGISTRY.add("BinaryCrossentropy", LossRegistry::binaryCrossentropy);
    REGISTRY.add("CategoricalCrossentropy", LossRegistry::categoricalCrossentropy);
    REGISTRY.add("SparseCategoricalCrossentropy", LossRegistry::sparseCategoricalCrossentropy);
    REGISTRY.add("BinaryFocalCrossentropy", LossRegistry::binaryFocalCrossentropy);
    REGISTRY.add("CategoricalFocalCrossentropy", LossRegistry::categoricalFocalCrossentropy);
    REGISTRY.add("Dice", c -> base(new Dice(), c, "axis").axis(c.getInts("axis", null)));
    REGISTRY.add(
        "Tversky",
        c ->
            base(new Tversky(), c, "alpha", "beta", "axis")
                .alpha(c.getDouble("alpha", 0.5))
                .beta(c.getDouble("beta", 0.5))
                .axis(c.getInts("axis", null)));

    // Functions and their aliases: the class with Keras's defaults, named after the function.
    function("mean_squared_error", MeanSquaredError::new, "mse", "MSE");
    function("mean_absolute_error", MeanAbsoluteError::new, "mae", "MAE");
    function("mean_absolute_percentage_error", MeanAbsolutePercentageError::new, "mape", "MAPE");
    function("mean_squared_logarithmic_error", MeanSquaredLogarithmicError::new, "msle", "MSLE");
    function("log_cosh", LogCosh::new, "logcosh");
    function("kl_divergence", KLDivergence::new, "kld", "KLD", "kullback_leibler_divergence");
    function("poisson", Poisson::new);
    function("hinge", Hinge::new);
    function("squared_hinge", SquaredHinge::new);
    function("categorical_hinge", CategoricalHinge::new);
    function("huber", Huber::new);
    function("cosine_similarity", CosineSimilarity::new);
    function("binary_crossentropy", BinaryCrossentropy::new, "bce", "BCE");
    function("categorical_crossentropy", CategoricalCrossentropy::new);
    function("sparse_categorical_crossentropy", SparseCategoricalCrossentropy::new);
    function("binary_focal_crossentropy", BinaryFocalCrossentropy::new);
    function("categorical_focal_crossentropy", CategoricalFocalCrossentropy::new);
    function("dice", Dice::new);
    function("tversky", Tversky::new);
  }

  private static void plain(String className, Supplier<Loss> factory) {
    REGISTRY.add(className, c -> base(factory.get(), c));
  }

  private static void function(String name, Supplier<Loss> factory, String... aliases) {
    REGISTRY.add(name, c -> factory.get().name(name), aliases);
  }

  /**
   * Applies {@code name} and {@code reduction} and rejects unknown keys. {@code dtype} is accepted
   * and ignored (losses compute in float32); Keras 2's reduction {@code "auto"} reads as
   * "sum_over_batch_size", which it meant outside distribution strategies.
   */
  private static <L extends Loss> L base(L loss, Config c, String... own) {
    String[] allowed = new String[own.length + 3];
    allowed[0] = "name";
    allowed[1] = "reduction";
    allowed[2] = "dtype";
    System.arraycopy(own, 0, allowed, 3, own.length);
    c.allowOnly(allowed);
    Map<String, Object> m = c.asMap();
    if (c.has("name")) {
      loss.name(c.getString("name"));
    }
    if (m.containsKey("reduction")) {
      String r = m.get("reduction") == null ? null : c.getString("reduction");
      loss.reduction("auto".equals(r) ? LossReduction.SUM_OVER_BATCH_SIZE : r);
    }
    return loss;
  }

  private static Loss binaryCrossentropy(Config c) {
    return base(new BinaryCrossentropy(), c, "from_logits", "label_smoothing", "axis")
        .fromLogits(c.getBoolean("from_logits", false))
        .labelSmoothing(c.getDouble("label_smoothing", 0.0))
        .axis(c.getInt("axis", -1));
  }

  private static Loss categoricalCrossentropy(Config c) {
    return base(new CategoricalCrossentropy(), c, "from_logits", "label_smoothing", "axis")
        .fromLogits(c.getBoolean("from_logits", false))
        .labelSmoothing(c.getDouble("label_smoothing", 0.0))
        .axis(c.getInt("axis", -1));
  }

  private static Loss sparseCategoricalCrossentropy(Config c) {
    return base(new SparseCategoricalCrossentropy(), c, "from_logits", "ignore_class", "axis")
        .fromLogits(c.getBoolean("from_logits", false))
        .ignoreClass(c.has("ignore_class") ? c.getInt("ignore_class") : null)
        .axis(c.getInt("axis", -1));
  }

  private static Loss binaryFocalCrossentropy(Config c) {
    return base(
            new BinaryFocalCrossentropy(),
            c,
            "apply_class_balancing",
            "alpha",
            "gamma",
            "from_logits",
            "label_smoothing",
            "axis")
        .applyClassBalancing(c.getBoolean("apply_class_balancing", false))
        .alpha(c.getDouble("alpha", 0.25))
        .gamma(c.getDouble("gamma", 2.0))
        .fromLogits(c.getBoolean("from_logits", false))
        .labelSmoothing(c.getDouble("label_smoothing", 0.0))
        .axis(c.getInt("axis", -1));
  }

  private static Loss categoricalFocalCrossentropy(Config c) {
    return base(
            new CategoricalFocalCrossentropy(),
            c,
            "alpha",
            "gamma",
            "from_logits",
            "label_smoothing",
            "axis")
        .alpha(c.getDouble("alpha", 0.25))
        .gamma(c.getDouble("gamma", 2.0))
        .fromLogits(c.getBoolean("from_logits", false))
        .labelSmoothing(c.getDouble("label_smoothing", 0.0))
        .axis(c.getInt("axis", -1));
  }
}

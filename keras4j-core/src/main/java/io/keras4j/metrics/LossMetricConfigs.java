package io.keras4j.metrics;

import io.keras4j.saving.Config;

/** The {@link Metrics} factories of the metrics that wrap a loss function, from Keras configs. */
final class LossMetricConfigs {
  private LossMetricConfigs() {}

  private static String name(Config c, String dflt, String... more) {
    String[] keys = new String[2 + more.length];
    keys[0] = "name";
    keys[1] = "dtype";
    System.arraycopy(more, 0, keys, 2, more.length);
    c.allowOnly(keys);
    return c.getString("name", dflt);
  }

  static Metric binaryCrossentropy(Config c) {
    String name = name(c, "binary_crossentropy", "from_logits", "label_smoothing");
    return new BinaryCrossentropy(name)
        .fromLogits(c.getBoolean("from_logits", false))
        .labelSmoothing(c.getDouble("label_smoothing", 0));
  }

  static Metric categoricalCrossentropy(Config c) {
    String name = name(c, "categorical_crossentropy", "from_logits", "label_smoothing", "axis");
    return new CategoricalCrossentropy(name)
        .fromLogits(c.getBoolean("from_logits", false))
        .labelSmoothing(c.getDouble("label_smoothing", 0))
        .axis(c.getInt("axis", -1));
  }

  static Metric sparseCategoricalCrossentropy(Config c) {
    String name = name(c, "sparse_categorical_crossentropy", "from_logits", "ignore_class", "axis");
    return new SparseCategoricalCrossentropy(name)
        .fromLogits(c.getBoolean("from_logits", false))
        .ignoreClass(c.has("ignore_class") ? c.getInt("ignore_class") : null)
        .axis(c.getInt("axis", -1));
  }

  static Metric cosineSimilarity(Config c) {
    return new CosineSimilarity(name(c, "cosine_similarity", "axis")).axis(c.getInt("axis", -1));
  }

  static Metric klDivergence(Config c) {
    return new KLDivergence(name(c, "kl_divergence"));
  }

  static Metric poisson(Config c) {
    return new Poisson(name(c, "poisson"));
  }

  static Metric hinge(Config c) {
    return new Hinge(name(c, "hinge"));
  }

  static Metric squaredHinge(Config c) {
    return new SquaredHinge(name(c, "squared_hinge"));
  }

  static Metric categoricalHinge(Config c) {
    return new CategoricalHinge(name(c, "categorical_hinge"));
  }

  static Metric logCoshError(Config c) {
    return new LogCoshError(name(c, "logcosh"));
  }
}

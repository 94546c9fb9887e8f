package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.internal.Naming;
import io.keras4j.internal.Registry;
import io.keras4j.internal.SerializedObject;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Metrics by Keras name and from Keras JSON, as {@code keras.metrics.get}, {@code serialize} and
 * {@code deserialize}; and the "accuracy" resolution of Keras's {@code compile}.
 */
public final class Metrics {
  /** The module Keras 3 writes for its metrics. */
  public static final String MODULE = "keras.metrics";

  private static final Registry<Metric> REGISTRY = new Registry<>("metric");

  static {
    add("Mean", c -> new Mean(name(c, "mean")));
    add("Sum", c -> new Sum(name(c, "sum")));
    add("MeanSquaredError", c -> new MeanSquaredError(name(c, "mean_squared_error")), "mse", "MSE");
    add("RootMeanSquaredError", c -> new RootMeanSquaredError(name(c, "root_mean_squared_error")));
    add(
        "MeanAbsoluteError",
        c -> new MeanAbsoluteError(name(c, "mean_absolute_error")),
        "mae",
        "MAE");
    add(
        "MeanAbsolutePercentageError",
        c -> new MeanAbsolutePercentageError(name(c, "mean_absolute_percentage_error")),
        "mape",
        "MAPE");
    add(
        "MeanSquaredLogarithmicError",
        c -> new MeanSquaredLogarithmicError(name(c, "mean_squared_logarithmic_error")),
        "msle",
        "MSLE");
    add("R2Score", Metrics::r2);
    add("AUC", Metrics::auc);
    add("FalseNegatives", c -> counts(c, new FalseNegatives()));
    add("FalsePositives", c -> counts(c, new FalsePositives()));
    add("TrueNegatives", c -> counts(c, new TrueNegatives()));
    add("TruePositives", c -> counts(c, new TruePositives()));
    add("Precision", c -> ratio(c, new Precision()));
    add("Recall", c -> ratio(c, new Recall()));
    add("Accuracy", c -> new Accuracy(name(c, "accuracy")));
    add("BinaryAccuracy", Metrics::binaryAccuracy);
    add("CategoricalAccuracy", c -> new CategoricalAccuracy(name(c, "categorical_accuracy")));
    add(
        "SparseCategoricalAccuracy",
        c -> new SparseCategoricalAccuracy(name(c, "sparse_categorical_accuracy")));
    add("TopKCategoricalAccuracy", Metrics::topK);
    add("SparseTopKCategoricalAccuracy", Metrics::sparseTopK);
    add("F1Score", c -> fScore(c, new F1Score(), false));
    add("FBetaScore", c -> fScore(c, new FBetaScore(), true));
    // Metrics wrapping Keras's loss functions; "bce"/"BCE" are Keras 3's only aliases for them.
    add("BinaryCrossentropy", LossMetricConfigs::binaryCrossentropy, "bce", "BCE");
    add("CategoricalCrossentropy", LossMetricConfigs::categoricalCrossentropy);
    add("SparseCategoricalCrossentropy", LossMetricConfigs::sparseCategoricalCrossentropy);
    add("KLDivergence", LossMetricConfigs::klDivergence);
    add("Poisson", LossMetricConfigs::poisson);
    add("Hinge", LossMetricConfigs::hinge);
    add("SquaredHinge", LossMetricConfigs::squaredHinge);
    add("CategoricalHinge", LossMetricConfigs::categoricalHinge);
    add("CosineSimilarity", LossMetricConfigs::cosineSimilarity);
    add("LogCoshError", LossMetricConfigs::logCoshError);
  }

  private Metrics() {}

  /** Registers a class under its name, its snake_case name (as Keras) and any aliases. */
  private static void add(String className, Function<Config, Metric> factory, String... aliases) {
    String snake = Naming.toSnakeCase(className);
    String[] names = new String[aliases.length + (snake.equals(className) ? 0 : 1)];
    int i = 0;
    if (!snake.equals(className)) {
      names[i++] = snake;
    }
    for (String a : aliases) {
      names[i++] = a;
    }
    REGISTRY.add(className, factory, names);
  }

  /**
   * A new metric for a Keras name: class names ("AUC", "Precision") and their snake_case forms
   * ("auc", "precision", "binary_accuracy", "kl_divergence", "log_cosh_error"), and the aliases
   * "mse", "mae", "mape", "msle", "bce" (and upper case), as Keras 3's {@code metrics.get}. The
   * metric is named as given ("mae" logs as "mae", as Keras's compile names it). Unknown names
   * throw, suggesting the closest.
   */
  public static Metric get(String name) {
    return REGISTRY.create(name, Map.of(), "metric").name(name);
  }

  /**
   * The metric Keras's {@code compile} makes of a name for an output: "accuracy" and "acc" (in any
   * case) become {@link BinaryAccuracy} when the prediction's last dimension is 1, {@link
   * SparseCategoricalAccuracy} when the labels have a lower rank or a last dimension of 1 against
   * several classes, and {@link CategoricalAccuracy} otherwise, named as given. Other names go to
   * {@link #get(String)}.
   *
   * @param yTrueShape the shape of the targets (-1 for unknown dimensions)
   * @param yPredShape the shape of the predictions
   */
  public static Metric get(String name, int[] yTrueShape, int[] yPredShape) {
    if (name == null
        || !(name.toLowerCase(Locale.ROOT).equals("accuracy")
            || name.toLowerCase(Locale.ROOT).equals("acc"))) {
      return get(name);
    }
    if (yTrueShape == null
        || yPredShape == null
        || yTrueShape.length == 0
        || yPredShape.length == 0) {
      throw new IllegalArgumentException(
          "Metrics: resolving '"
              + name
              + "' needs the shapes of y_true and y_pred with rank >= 1. Received: y_true.shape="
              + (yTrueShape == null ? "null" : Shapes.toString(yTrueShape))
              + ", y_pred.shape="
              + (yPredShape == null ? "null" : Shapes.toString(yPredShape)));
    }
    int trueLast = yTrueShape[yTrueShape.length - 1];
    int predLast = yPredShape[yPredShape.length - 1];
    boolean binary = predLast == 1;
    boolean sparse = yTrueShape.length < yPredShape.length || (trueLast == 1 && predLast > 1);
    if (binary) {
      return new BinaryAccuracy(name);
    }
    if (sparse) {
      return new SparseCategoricalAccuracy(name);
    }
    return new CategoricalAccuracy(name);
  }

  /**
   * A metric from Keras 3 JSON ({@code module}, {@code class_name}, {@code config}) or Keras 2's.
   */
  public static Metric deserialize(Map<String, ?> config) {
    SerializedObject s = SerializedObject.parse("metric", config);
    return REGISTRY.create(s.className(), s.config(), "class_name");
  }

  /** Keras 3's JSON form of a metric. Metrics wrapping a Java function cannot be serialized. */
  public static Map<String, Object> serialize(Metric metric) {
    String cls = metric.className();
    if (!REGISTRY.contains(cls) || !REGISTRY.className(cls, "class_name").equals(cls)) {
      throw new IllegalArgumentException(
          "Metrics: only the built-in metric classes can be serialized; "
              + cls
              + " (a Java function or subclass) has no Keras JSON form. Received: metric="
              + metric);
    }
    return SerializedObject.builtin(MODULE, cls, metric.getConfig()).toMap();
  }

  /** Every name {@link #get(String)} accepts. */
  public static Set<String> names() {
    return REGISTRY.names();
  }

  // ---- factories from configs -----------------------------------------------------------

  private static final String[] BASE = {"name", "dtype"};

  private static String name(Config c, String dflt) {
    c.allowOnly(BASE);
    return c.getString("name", dflt);
  }

  private static String[] keys(String... more) {
    String[] all = new String[BASE.length + more.length];
    System.arraycopy(BASE, 0, all, 0, BASE.length);
    System.arraycopy(more, 0, all, BASE.length, more.length);
    return all;
  }

  private static <M extends Metric> M named(Config c, M m) {
    if (c.has("name")) {
      m.name(c.getString("name"));
    }
    return m;
  }

  private static Metric counts(Config c, ConfusionCount m) {
    c.allowOnly(keys("thresholds"));
    Object t = c.get("thresholds");
    if (t instanceof Number n) {
      m.thresholds(n.doubleValue());
    } else if (t != null) {
      m.thresholds(doubles(c, "thresholds"));
    }
    return named(c, m);
  }

  private static Metric ratio(Config c, RatioAtThresholds m) {
    c.allowOnly(keys("thresholds", "top_k", "class_id"));
    if (c.has("top_k")) {
      m.topK(c.getInt("top_k"));
    }
    if (c.has("class_id")) {
      m.classId(c.getInt("class_id"));
    }
    Object t = c.get("thresholds");
    if (t instanceof Number n) {
      m.thresholds(n.doubleValue());
    } else if (t != null) {
      m.thresholds(doubles(c, "thresholds"));
    }
    return named(c, m);
  }

  private static Metric auc(Config c) {
    c.allowOnly(
        keys(
            "num_thresholds",
            "curve",
            "summation_method",
            "thresholds",
            "multi_label",
            "num_labels",
            "label_weights",
            "from_logits"));
    AUC m = new AUC();
    m.curve(c.getString("curve", "ROC"));
    m.summationMethod(c.getString("summation_method", "interpolation"));
    m.multiLabel(c.getBoolean("multi_label", false));
    m.fromLogits(c.getBoolean("from_logits", false));
    if (c.has("thresholds")) {
      m.thresholds(doubles(c, "thresholds"));
    } else {
      m.numThresholds(c.getInt("num_thresholds", 200));
    }
    if (c.has("num_labels")) {
      m.numLabels(c.getInt("num_labels"));
    }
    if (c.has("label_weights")) {
      m.labelWeights(doubles(c, "label_weights"));
    }
    return named(c, m);
  }

  private static Metric binaryAccuracy(Config c) {
    c.allowOnly(keys("threshold"));
    return new BinaryAccuracy(c.getString("name", "binary_accuracy"))
        .threshold(c.getDouble("threshold", 0.5));
  }

  private static Metric topK(Config c) {
    c.allowOnly(keys("k"));
    return named(c, new TopKCategoricalAccuracy(c.getInt("k", 5)));
  }

  private static Metric sparseTopK(Config c) {
    c.allowOnly(keys("k", "from_sorted_ids"));
    return named(
        c,
        new SparseTopKCategoricalAccuracy(c.getInt("k", 5))
            .fromSortedIds(c.getBoolean("from_sorted_ids", false)));
  }

  private static Metric fScore(Config c, FBetaScore m, boolean withBeta) {
    c.allowOnly(withBeta ? keys("average", "beta", "threshold") : keys("average", "threshold"));
    m.average(c.getString("average", null));
    if (withBeta) {
      m.beta(c.getDouble("beta", 1.0));
    }
    if (c.has("threshold")) {
      m.threshold(c.getDouble("threshold"));
    }
    return named(c, m);
  }

  private static Metric r2(Config c) {
    c.allowOnly(keys("class_aggregation", "num_regressors"));
    R2Score m = new R2Score().numRegressors(c.getInt("num_regressors", 0));
    // An absent key means the default; an explicit null means no aggregation.
    if (c.asMap().containsKey("class_aggregation")) {
      m.classAggregation(c.has("class_aggregation") ? c.getString("class_aggregation") : null);
    }
    return named(c, m);
  }

  private static double[] doubles(Config c, String key) {
    List<Object> l = c.getList(key);
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Number n)) {
        throw new IllegalArgumentException(
            "Invalid config for "
                + c.className()
                + ": expected a list of numbers for '"
                + key
                + "'. Received: "
                + key
                + "="
                + l);
      }
      out[i] = n.doubleValue();
    }
    return out;
  }
}

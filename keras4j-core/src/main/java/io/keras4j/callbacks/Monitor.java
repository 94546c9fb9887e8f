package io.keras4j.callbacks;

import io.keras4j.internal.Suggest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The monitored quantity of EarlyStopping and ReduceLROnPlateau, as Keras's {@code
 * MonitorCallback}: the name, the mode and the minimum change that counts as an improvement.
 *
 * <p>In "auto" mode a name ending in "loss" (after an optional "val_") is minimized; any other name
 * takes the direction Keras 3 gives the built-in metric of that name (accuracies, AUC, precision,
 * recall, F-scores, IoU, R2, correlations: maximized; errors, crossentropies, hinges: minimized),
 * since the model's compiled metric objects are not visible here. Other names need "min" or "max".
 */
final class Monitor {
  static final List<String> MODES = List.of("auto", "min", "max");

  // Default names of the Keras 3 metrics whose _direction is "up".
  private static final Set<String> UP =
      Set.of(
          "accuracy",
          "acc",
          "binary_accuracy",
          "categorical_accuracy",
          "sparse_categorical_accuracy",
          "top_k_categorical_accuracy",
          "sparse_top_k_categorical_accuracy",
          "precision",
          "recall",
          "auc",
          "sensitivity_at_specificity",
          "specificity_at_sensitivity",
          "precision_at_recall",
          "recall_at_precision",
          "f1_score",
          "fbeta_score",
          "iou",
          "binary_iou",
          "mean_iou",
          "one_hot_iou",
          "one_hot_mean_iou",
          "r2_score",
          "cosine_similarity",
          "pearson_correlation",
          "concordance_correlation");

  // Default names (and compile() shorthands) of the Keras 3 metrics whose _direction is "down".
  private static final Set<String> DOWN =
      Set.of(
          "mean_squared_error",
          "mse",
          "mean_absolute_error",
          "mae",
          "mean_absolute_percentage_error",
          "mape",
          "mean_squared_logarithmic_error",
          "msle",
          "root_mean_squared_error",
          "log_cosh_error",
          "logcosh",
          "binary_crossentropy",
          "categorical_crossentropy",
          "sparse_categorical_crossentropy",
          "kl_divergence",
          "kld",
          "poisson",
          "hinge",
          "squared_hinge",
          "categorical_hinge");

  private final String owner;
  String monitor;
  String mode = "auto";
  double minDelta; // always >= 0; the sign is applied by the direction
  private int direction; // 0 unresolved, -1 minimize, +1 maximize
  private Set<String> warned;

  Monitor(String owner, String monitor, double minDelta) {
    this.owner = owner;
    monitor(monitor);
    minDelta(minDelta);
  }

  void monitor(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          owner + ": monitor must be a metric name. Received: monitor=" + name);
    }
    monitor = name;
    direction = 0;
  }

  void mode(String m) {
    if (!MODES.contains(m)) {
      throw new IllegalArgumentException(
          owner
              + ": mode must be one of \"auto\", \"min\", \"max\"."
              + (m == null ? "" : Suggest.didYouMean(m, MODES))
              + " Received: mode="
              + m);
    }
    mode = m;
    direction = 0;
  }

  void minDelta(double d) {
    if (Double.isNaN(d)) {
      throw new IllegalArgumentException(owner + ": minDelta must be a number. Received: NaN");
    }
    minDelta = Math.abs(d);
  }

  /** The direction (-1 min, +1 max), fixed at the first use as Keras does. */
  private int direction() {
    if (direction != 0) {
      return direction;
    }
    if (mode.equals("min")) {
      direction = -1;
    } else if (mode.equals("max")) {
      direction = 1;
    } else {
      String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
      // A second metric of the same kind gets a numbered name ("auc_1").
      String base = name.replaceFirst("_\\d+$", "");
      if (name.equals("loss") || name.endsWith("_loss")) {
        direction = -1;
      } else if (UP.contains(name) || UP.contains(base)) {
        direction = 1;
      } else if (DOWN.contains(name) || DOWN.contains(base)) {
        direction = -1;
      } else {
        throw new IllegalArgumentException(
            owner
                + " callback received monitor="
                + monitor
                + ", but keras4j isn't able to automatically determine whether that metric"
                + " should be maximized or minimized. Pass mode(\"max\") in order to monitor based"
                + " on the highest metric value, or mode(\"min\") in order to use the lowest"
                + " value.");
      }
    }
    return direction;
  }

  /** Resolves the direction now, so a bad "auto" name fails at the first epoch end. */
  void resolve() {
    direction();
  }

  /**
   * Whether {@code value} improves on {@code reference} by more than minDelta. Keras compares with
   * {@code ops.less/greater}, which turn Python floats into float32 tensors, so the comparison is
   * made in float32 here too.
   */
  boolean isImprovement(double value, double reference) {
    return direction() < 0
        ? (float) (value + minDelta) < (float) reference
        : (float) (value - minDelta) > (float) reference;
  }

  /**
   * The monitored value, or null after Keras's warning: {@code warning} with {@code {monitor}} and
   * {@code {keys}} (the available names) filled in. Like Python's warnings, a message is given
   * once.
   */
  Double value(Map<String, Double> logs, Logger log, String warning) {
    Double v = logs == null ? null : logs.get(monitor);
    if (v == null) {
      String keys = logs == null ? "" : String.join(",", logs.keySet());
      String message = warning.replace("{monitor}", monitor).replace("{keys}", keys);
      if (warned == null) {
        warned = new HashSet<>();
      }
      if (warned.add(message)) {
        log.warning(message);
      }
    }
    return v;
  }
}

package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.layers.CallContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the loops share: the callback list, the first build, and the logs of the steps. */
final class Callbacks {
  private Callbacks() {}

  /** The callback list of a fit/evaluate/predict call, set up as Keras's loops set it up. */
  static CallbackList list(
      List<Callback> user,
      boolean history,
      int verbose,
      Trainer model,
      Map<String, Object> params) {
    CallbackList list = new CallbackList(user, history, verbose != 0);
    list.setModel(model.self());
    list.setParams(params);
    return list;
  }

  /**
   * Builds a model that has no graph yet (a Sequential without an input shape) on a first batch of
   * the source, in inference mode, before the first step: every weight then exists (and is
   * initialized) before training starts, as after Keras's symbolic build.
   */
  static void buildFor(Trainer model, BatchSource source) {
    if (model.self().hasGraph()) {
      return;
    }
    buildFor(model, source.firstInputs());
  }

  /** {@link #buildFor(Trainer, BatchSource)} on the given first batch of inputs. */
  static void buildFor(Trainer model, List<Tensor> first) {
    if (model.self().hasGraph() || first.isEmpty()) {
      return;
    }
    model.self().callEager(first, CallContext.inference());
    model.clearCallLosses();
  }

  /** A step's logs as Keras's {@code pythonify_logs} leaves them: sorted by name. */
  static Map<String, Double> sorted(Map<String, Double> logs) {
    if (logs == null) {
      throw new IllegalStateException(
          "A train or test step returned null logs: return a Map of names to values (for example"
              + " getMetricsResult()).");
    }
    return logs instanceof TreeMap<String, Double> t ? t : new TreeMap<>(logs);
  }

  /**
   * Keras's {@code _get_metrics_result_or_logs}: the model's metric values when they name the same
   * things as the last step's logs, otherwise those logs (a custom step may return others).
   */
  static Map<String, Double> metricsResultOr(Trainer model, Map<String, Double> lastLogs) {
    Map<String, Double> metrics = model.getMetricsResult();
    if (lastLogs == null || metrics.keySet().equals(lastLogs.keySet())) {
      return metrics;
    }
    return lastLogs;
  }
}

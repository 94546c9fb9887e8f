package io.keras4j.trainers;

import io.keras4j.Tensor;
import io.keras4j.metrics.Metric;
import io.keras4j.metrics.Metrics;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.CompileOptions.MetricSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compiled metrics of a model: per output, the plain metrics (updated without sample weights,
 * as Keras 3) and the weighted ones; with several outputs a metric's name is prefixed by its
 * output's ({@code output_1_mae}).
 */
final class CompileMetrics {
  private final List<String> outputNames;
  private final List<List<MetricSpec>> plainSpecs = new ArrayList<>();
  private final List<List<MetricSpec>> weightedSpecs = new ArrayList<>();
  private List<List<Metric>> plain;
  private List<List<Metric>> weighted;

  CompileMetrics(CompileOptions o, List<String> outputNames) {
    this.outputNames = outputNames;
    int n = outputNames.size();
    CompileLoss.checkKeys(o.metricsByOutput().keySet(), outputNames, "metrics");
    for (int i = 0; i < n; i++) {
      List<MetricSpec> p = new ArrayList<>(o.metrics());
      p.addAll(o.metricsByOutput().getOrDefault(outputNames.get(i), List.of()));
      plainSpecs.add(p);
      weightedSpecs.add(new ArrayList<>(o.weightedMetrics()));
    }
    if (n > 1) {
      for (MetricSpec s : o.metrics()) {
        if (s.metric() != null) {
          throw new IllegalArgumentException(
              "A metric object keeps state, so it cannot serve all "
                  + n
                  + " outputs "
                  + outputNames
                  + ": give it for one output with metricsFor(outputName, metric). Received: "
                  + s.metric().name());
        }
      }
    }
    // Unknown names fail at compile, with a suggestion.
    for (List<MetricSpec> l : plainSpecs) {
      checkNames(l);
    }
    for (List<MetricSpec> l : weightedSpecs) {
      checkNames(l);
    }
  }

  /** Resolves every metric name given, so that an unknown one fails at compile. */
  static void checkMetricNames(CompileOptions o) {
    checkNames(o.metrics());
    checkNames(o.weightedMetrics());
    o.metricsByOutput().values().forEach(CompileMetrics::checkNames);
  }

  private static void checkNames(List<MetricSpec> specs) {
    for (MetricSpec s : specs) {
      if (s.name() != null && !isAccuracy(s.name())) {
        Metrics.get(s.name());
      }
    }
  }

  private static boolean isAccuracy(String name) {
    String l = name.toLowerCase(java.util.Locale.ROOT);
    return l.equals("accuracy") || l.equals("acc");
  }

  private void build(List<Tensor> yTrue, List<Tensor> yPred) {
    plain = new ArrayList<>();
    weighted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < outputNames.size(); i++) {
      String prefix = outputNames.size() > 1 ? outputNames.get(i) + "_" : "";
      List<Metric> p = new ArrayList<>();
      for (MetricSpec s : plainSpecs.get(i)) {
        Metric m = resolve(s, yTrue.get(i), yPred.get(i));
        m.name(prefix + m.name());
        seen.add(m.name());
        p.add(m);
      }
      List<Metric> w = new ArrayList<>();
      for (MetricSpec s : weightedSpecs.get(i)) {
        Metric m = resolve(s, yTrue.get(i), yPred.get(i));
        String name = prefix + m.name();
        m.name(seen.contains(name) ? prefix + "weighted_" + m.name() : name);
        w.add(m);
      }
      plain.add(p);
      weighted.add(w);
    }
  }

  private static Metric resolve(MetricSpec s, Tensor yTrue, Tensor yPred) {
    if (s.metric() != null) {
      return s.metric();
    }
    return Metrics.get(s.name(), yTrue.shape(), yPred.shape());
  }

  void update(List<Tensor> yTrue, List<Tensor> yPred, Tensor sampleWeight, List<Tensor> masks) {
    if (plain == null) {
      build(yTrue, yPred);
    }
    for (int i = 0; i < plain.size(); i++) {
      Tensor mask = i < masks.size() ? masks.get(i) : null;
      for (Metric m : plain.get(i)) {
        m.updateState(yTrue.get(i), yPred.get(i), null, mask);
      }
      for (Metric m : weighted.get(i)) {
        m.updateState(yTrue.get(i), yPred.get(i), sampleWeight, mask);
      }
    }
  }

  /** All metric objects, built or not yet (empty before the first batch). */
  List<Metric> all() {
    List<Metric> out = new ArrayList<>();
    if (plain != null) {
      plain.forEach(out::addAll);
      weighted.forEach(out::addAll);
    }
    return out;
  }
}

package io.keras4j.models;

import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of Keras's {@code model.compile(...)}: an optimizer, one loss per output (a list in
 * output order or a map by output name), loss weights and metrics (for every output, or per output
 * by output name).
 *
 * <pre>{@code
 * model.compile(new CompileOptions()
 *     .optimizer(new SGD())
 *     .loss("mean_squared_error", "mean_squared_error")
 *     .lossWeights(0.9, 0.1)
 *     .metrics("mae"));                                  // output_1_mae and output_2_mae
 * model.compile(new CompileOptions()
 *     .optimizer("adam")
 *     .loss(Map.of("output_1", "mse", "output_2", "mse"))
 *     .metrics(Map.of("output_1", List.of("mae"))));    // output_1_mae only
 * }</pre>
 */
public final class CompileOptions {
  /** A loss as given: a Keras name or an object (exactly one is set). */
  public record LossSpec(String name, Loss loss) {
    static LossSpec of(String name) {
      if (name == null) {
        throw new IllegalArgumentException("compile: a loss name is null");
      }
      return new LossSpec(name, null);
    }

    static LossSpec of(Loss loss) {
      if (loss == null) {
        throw new IllegalArgumentException("compile: a loss object is null");
      }
      return new LossSpec(null, loss);
    }
  }

  /** A metric as given: a Keras name or an object (exactly one is set). */
  public record MetricSpec(String name, Metric metric) {}

  private Optimizer optimizer;
  private List<LossSpec> lossList;
  private Map<String, LossSpec> lossMap;
  private List<Double> lossWeightList;
  private Map<String, Double> lossWeightMap;
  private final List<MetricSpec> metrics = new ArrayList<>();
  private final Map<String, List<MetricSpec>> metricsByOutput = new LinkedHashMap<>();
  private final List<MetricSpec> weightedMetrics = new ArrayList<>();

  public CompileOptions optimizer(Optimizer optimizer) {
    this.optimizer = optimizer;
    return this;
  }

  /** An optimizer by Keras name ("sgd", "adam", "rmsprop", ...) with Keras's defaults. */
  public CompileOptions optimizer(String name) {
    this.optimizer = Optimizers.get(name);
    return this;
  }

  /** One loss for a single-output model, or one per output in output order. */
  public CompileOptions loss(String... names) {
    List<LossSpec> l = new ArrayList<>();
    for (String n : names) {
      l.add(LossSpec.of(n));
    }
    setLossList(l);
    return this;
  }

  /** Loss objects: one, or one per output in output order. */
  public CompileOptions loss(Loss... losses) {
    List<LossSpec> l = new ArrayList<>();
    for (Loss x : losses) {
      l.add(LossSpec.of(x));
    }
    setLossList(l);
    return this;
  }

  /** Losses by output name. */
  public CompileOptions loss(Map<String, String> namesByOutput) {
    Map<String, LossSpec> m = new LinkedHashMap<>();
    namesByOutput.forEach((k, v) -> m.put(k, LossSpec.of(v)));
    setLossMap(m);
    return this;
  }

  /** The loss of one output, by output name; call once per output. */
  public CompileOptions lossFor(String outputName, Loss loss) {
    addLossFor(outputName, LossSpec.of(loss));
    return this;
  }

  /** The loss of one output by output name and loss name; call once per output. */
  public CompileOptions lossFor(String outputName, String lossName) {
    addLossFor(outputName, LossSpec.of(lossName));
    return this;
  }

  private void addLossFor(String outputName, LossSpec spec) {
    if (lossList != null) {
      throw new IllegalArgumentException(
          "compile: losses were already given as a list; give them all by output name instead.");
    }
    if (lossMap == null) {
      lossMap = new LinkedHashMap<>();
    }
    lossMap.put(outputName, spec);
  }

  private void setLossList(List<LossSpec> l) {
    if (l.isEmpty()) {
      throw new IllegalArgumentException("compile: loss(...) needs at least one loss");
    }
    lossList = List.copyOf(l);
    lossMap = null;
  }

  private void setLossMap(Map<String, LossSpec> m) {
    lossMap = m;
    lossList = null;
  }

  /** One weight per output, in output order (the total loss is the weighted sum). */
  public CompileOptions lossWeights(double... weights) {
    List<Double> w = new ArrayList<>();
    for (double d : weights) {
      w.add(d);
    }
    lossWeightList = List.copyOf(w);
    lossWeightMap = null;
    return this;
  }

  /** Loss weights by output name. */
  public CompileOptions lossWeights(Map<String, Double> weightsByOutput) {
    lossWeightMap = new LinkedHashMap<>(weightsByOutput);
    lossWeightList = null;
    return this;
  }

  /** Metrics by Keras name ("accuracy", "mae", "auc", ...), for every output. */
  public CompileOptions metrics(String... names) {
    for (String n : names) {
      metrics.add(new MetricSpec(n, null));
    }
    return this;
  }

  /**
   * Metric objects of a single-output model (a metric object keeps state, so a model with several
   * outputs takes them per output with {@link #metricsFor(String, Metric...)}).
   */
  public CompileOptions metrics(Metric... objects) {
    for (Metric m : objects) {
      metrics.add(new MetricSpec(null, m));
    }
    return this;
  }

  /**
   * Metrics per output, by output name and Keras metric name, as Keras's {@code
   * metrics={"output_1": ["mae"], "output_2": ["mse", "mape"]}}: {@code .metrics(Map.of("output_1",
   * List.of("mae")))}. With several outputs the logs prefix each metric with its output's name
   * ({@code output_1_mae}), as Keras. Adds to the metrics given before, like {@link
   * #metricsFor(String, String...)}, which takes one output at a time (and metric objects).
   */
  public CompileOptions metrics(Map<String, List<String>> namesByOutput) {
    namesByOutput.forEach(
        (output, names) -> {
          if (names == null) {
            throw new IllegalArgumentException(
                "compile: the metrics of output '" + output + "' are null; give a list of names.");
          }
          metricsFor(output, names.toArray(String[]::new));
        });
    return this;
  }

  /**
   * Metrics of one output, by output name and Keras metric name; call once per output (or give them
   * all at once with {@link #metrics(Map)}).
   */
  public CompileOptions metricsFor(String outputName, String... names) {
    List<MetricSpec> l = metricsByOutput.computeIfAbsent(outputName, k -> new ArrayList<>());
    for (String n : names) {
      l.add(new MetricSpec(n, null));
    }
    return this;
  }

  /**
   * Metric objects of one output, by output name (an object keeps state, so each serves one
   * output): {@code .metricsFor("output_2", new MeanSquaredError())}.
   */
  public CompileOptions metricsFor(String outputName, Metric... objects) {
    List<MetricSpec> l = metricsByOutput.computeIfAbsent(outputName, k -> new ArrayList<>());
    for (Metric m : objects) {
      l.add(new MetricSpec(null, m));
    }
    return this;
  }

  /** Metrics weighted by the sample weights (Keras's {@code weighted_metrics}). */
  public CompileOptions weightedMetrics(String... names) {
    for (String n : names) {
      weightedMetrics.add(new MetricSpec(n, null));
    }
    return this;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  /** The losses given as a list, or null. */
  public List<LossSpec> lossList() {
    return lossList;
  }

  /** The losses given by output name, or null. */
  public Map<String, LossSpec> lossMap() {
    return lossMap == null ? null : Collections.unmodifiableMap(lossMap);
  }

  public List<Double> lossWeightList() {
    return lossWeightList;
  }

  public Map<String, Double> lossWeightMap() {
    return lossWeightMap == null ? null : Collections.unmodifiableMap(lossWeightMap);
  }

  public List<MetricSpec> metrics() {
    return Collections.unmodifiableList(metrics);
  }

  public Map<String, List<MetricSpec>> metricsByOutput() {
    return Collections.unmodifiableMap(metricsByOutput);
  }

  public List<MetricSpec> weightedMetrics() {
    return Collections.unmodifiableList(weightedMetrics);
  }
}

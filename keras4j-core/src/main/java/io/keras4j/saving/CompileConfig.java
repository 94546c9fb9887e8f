package io.keras4j.saving;

import io.keras4j.losses.Loss;
import io.keras4j.metrics.Metric;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.CompileOptions.LossSpec;
import io.keras4j.models.CompileOptions.MetricSpec;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keras 3's {@code compile_config} of a compiled model, as {@code config.json} holds it. */
final class CompileConfig {
  private CompileConfig() {}

  static Map<String, Object> of(CompileOptions options) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("optimizer", optimizer(options.optimizer()));
    c.put("loss", losses(options));
    Object weights = options.lossWeightList();
    if (weights == null) {
      weights = options.lossWeightMap();
    }
    c.put("loss_weights", weights);
    c.put("metrics", metrics(options.metrics(), options.metricsByOutput()));
    c.put("weighted_metrics", metrics(options.weightedMetrics(), Map.of()));
    c.put("run_eagerly", false);
    c.put("steps_per_execution", 1);
    c.put("jit_compile", false);
    return c;
  }

  static Map<String, Object> optimizer(Optimizer o) {
    return entry("keras.optimizers", o.className(), o.getConfig());
  }

  private static Object losses(CompileOptions options) {
    if (options.lossList() != null) {
      List<Object> out = new ArrayList<>();
      for (LossSpec s : options.lossList()) {
        out.add(loss(s));
      }
      return out.size() == 1 ? out.get(0) : out;
    }
    if (options.lossMap() != null) {
      Map<String, Object> out = new LinkedHashMap<>();
      options.lossMap().forEach((k, v) -> out.put(k, loss(v)));
      return out;
    }
    return null;
  }

  private static Object loss(LossSpec s) {
    if (s.name() != null) {
      return s.name();
    }
    Loss l = s.loss();
    return entry("keras.losses", l.className(), l.getConfig());
  }

  private static Object metrics(List<MetricSpec> list, Map<String, List<MetricSpec>> byOutput) {
    if (!byOutput.isEmpty()) {
      Map<String, Object> out = new LinkedHashMap<>();
      byOutput.forEach((k, v) -> out.put(k, metricList(v)));
      return out;
    }
    return list.isEmpty() ? null : metricList(list);
  }

  private static List<Object> metricList(List<MetricSpec> specs) {
    List<Object> out = new ArrayList<>();
    for (MetricSpec s : specs) {
      if (s.name() != null) {
        out.add(s.name());
      } else {
        Metric m = s.metric();
        out.add(entry("keras.metrics", m.className(), m.getConfig()));
      }
    }
    return out;
  }

  private static Map<String, Object> entry(String module, String cls, Map<String, Object> config) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", module);
    m.put("class_name", cls);
    m.put("config", config);
    m.put("registered_name", null);
    return m;
  }
}

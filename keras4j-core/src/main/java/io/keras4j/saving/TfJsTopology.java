package io.keras4j.saving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Keras 3 model config in the Keras 2 dialect TensorFlow.js 4.22 reads: {@code batch_shape}
 * becomes {@code batch_input_shape}, {@code DTypePolicy} objects their name, the Keras 3 keys
 * {@code module}, {@code registered_name} and {@code build_config} go, functional {@code
 * inbound_nodes} become {@code [[layer, node, tensor, {}], ...]} and {@code L1}/{@code L2}
 * regularizers {@code L1L2} (the one class tfjs registers). keras4j reads both dialects.
 */
final class TfJsTopology {
  private static final Set<String> DROPPED =
      Set.of("module", "registered_name", "build_config", "compile_config", "shared_object_id");

  private TfJsTopology() {}

  @SuppressWarnings("unchecked")
  static Object downgrade(Object o) {
    if (o instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object v : list) {
        out.add(downgrade(v));
      }
      return out;
    }
    if (!(o instanceof Map<?, ?> raw)) {
      return o;
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    Object cls = m.get("class_name");
    if ("__keras_tensor__".equals(cls) && m.get("config") instanceof Map<?, ?> c) {
      return downgrade(c.get("keras_history"));
    }
    if (("DTypePolicy".equals(cls) || "FloatDTypePolicy".equals(cls))
        && m.get("config") instanceof Map<?, ?> c) {
      return c.get("name");
    }
    if (("L1".equals(cls) || "L2".equals(cls)) && m.get("config") instanceof Map<?, ?> c) {
      Map<String, Object> cfg = new LinkedHashMap<>();
      cfg.put("l1", "L1".equals(cls) ? c.get("l1") : 0.0);
      cfg.put("l2", "L2".equals(cls) ? c.get("l2") : 0.0);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("class_name", "L1L2");
      r.put("config", cfg);
      return r;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!DROPPED.contains(e.getKey())) {
        d.put(e.getKey(), downgrade(e.getValue()));
      }
    }
    if (d.get("config") instanceof Map<?, ?> c) {
      Map<String, Object> config = (Map<String, Object>) c;
      if (config.containsKey("batch_shape")) {
        config.put("batch_input_shape", config.remove("batch_shape"));
      }
      config.remove("optional");
    }
    if (m.get("inbound_nodes") instanceof List<?> nodes
        && !nodes.isEmpty()
        && nodes.get(0) instanceof Map<?, ?>) {
      List<Object> out = new ArrayList<>();
      for (Object n : nodes) {
        Object args = downgrade(((Map<String, Object>) n).get("args"));
        List<Object> flat = (List<Object>) (args == null ? List.of() : args);
        if (flat.size() == 1
            && flat.get(0) instanceof List<?> first
            && !first.isEmpty()
            && first.get(0) instanceof List<?>) {
          flat = (List<Object>) first;
        }
        List<Object> node = new ArrayList<>();
        for (Object h : flat) {
          List<Object> history = new ArrayList<>((List<Object>) h);
          history.add(new LinkedHashMap<>());
          node.add(history);
        }
        out.add(node);
      }
      d.put("inbound_nodes", out);
    }
    for (String k : List.of("input_layers", "output_layers")) {
      if (d.get(k) instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof List<?>)) {
        d.put(k, List.of(l));
      }
    }
    return d;
  }
}

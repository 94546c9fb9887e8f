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
 *
 * <p>Nested models: as Keras 2 and TensorFlow.js count them, a nested model with its own inputs has
 * a first node of its own (its inputs to its outputs), so the calls of the outer model are its
 * nodes 1, 2, ...; keras4j counts the outer calls from 0. {@link #shiftNestedNodes} moves the node
 * indices between the two counts.
 */
final class TfJsTopology {
  private static final Set<String> DROPPED =
      Set.of("module", "registered_name", "build_config", "compile_config", "shared_object_id");

  private TfJsTopology() {}

  /** The Keras 2 dialect of a Keras 3 model config, with TensorFlow.js's node indices. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> forTfJs(Map<String, Object> keras3) {
    Map<String, Object> d = (Map<String, Object>) downgrade(keras3);
    shiftNestedNodes(d, 1);
    return d;
  }

  /**
   * Adds {@code delta} to the node index of every reference to a nested model with its own inputs
   * in the Keras 2 style {@code inbound_nodes} and {@code output_layers} of functional configs
   * (recursively); indices that would become negative are left alone.
   */
  @SuppressWarnings("unchecked")
  static void shiftNestedNodes(Map<String, Object> entry, int delta) {
    if (!(entry.get("config") instanceof Map<?, ?> c)
        || !(c.get("layers") instanceof List<?> layers)) {
      return;
    }
    Set<String> nested = new java.util.HashSet<>();
    for (Object l : layers) {
      if (l instanceof Map<?, ?> layer) {
        shiftNestedNodes((Map<String, Object>) layer, delta);
        if (hasOwnInputs(layer)
            && ((Map<String, Object>) layer).get("config") instanceof Map<?, ?> lc
            && lc.get("name") instanceof String name) {
          nested.add(name);
        }
      }
    }
    if (nested.isEmpty() || "Sequential".equals(entry.get("class_name"))) {
      return;
    }
    for (Object l : layers) {
      if (l instanceof Map<?, ?> layer && layer.get("inbound_nodes") instanceof List<?> nodes) {
        for (Object node : nodes) {
          if (node instanceof List<?> refs) {
            for (Object ref : refs) {
              shift(ref, nested, delta);
            }
          }
        }
      }
    }
    if (c.get("output_layers") instanceof List<?> outs) {
      if (!outs.isEmpty() && !(outs.get(0) instanceof List<?>)) {
        shift(outs, nested, delta);
      } else {
        for (Object ref : outs) {
          shift(ref, nested, delta);
        }
      }
    }
  }

  private static boolean hasOwnInputs(Map<?, ?> layer) {
    Object cls = layer.get("class_name");
    if ("Functional".equals(cls) || "Model".equals(cls)) {
      return true;
    }
    return "Sequential".equals(cls)
        && layer.get("config") instanceof Map<?, ?> c
        && c.get("layers") instanceof List<?> ls
        && !ls.isEmpty()
        && ls.get(0) instanceof Map<?, ?> first
        && "InputLayer".equals(first.get("class_name"));
  }

  @SuppressWarnings("unchecked")
  private static void shift(Object ref, Set<String> nested, int delta) {
    if (ref instanceof List<?> r
        && r.size() >= 2
        && r.get(0) instanceof String name
        && nested.contains(name)
        && r.get(1) instanceof Number n
        && n.intValue() + delta >= 0) {
      ((List<Object>) r).set(1, n.intValue() + delta);
    }
  }

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

package io.keras4j.models;

import io.keras4j.KerasTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the two JSON forms of a layer call: Keras 2 / TensorFlow.js {@code [["dense", 0, 0, {}],
 * ...]} and Keras 3 {@code {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history":
 * ["dense", 0, 0]}}], "kwargs": {}}}.
 */
final class NodeSpecs {
  private NodeSpecs() {}

  /** The input tensors of one serialized call, or null when some are not made yet. */
  static List<KerasTensor> resolve(Object node, Map<String, List<List<KerasTensor>>> made) {
    List<Object[]> histories = new ArrayList<>();
    if (node instanceof Map<?, ?> m) {
      Object args = m.get("args");
      if (args instanceof List<?> l) {
        for (Object a : l) {
          collectKeras3(a, histories);
        }
      }
    } else if (node instanceof List<?> l) {
      for (Object entry : l) {
        if (entry instanceof List<?> h && !h.isEmpty() && h.get(0) instanceof String) {
          histories.add(h.toArray());
        } else {
          throw new IllegalArgumentException("Unreadable inbound node entry: " + entry);
        }
      }
    } else {
      throw new IllegalArgumentException("Unreadable inbound node: " + node);
    }
    List<KerasTensor> out = new ArrayList<>();
    for (Object[] h : histories) {
      KerasTensor t = lookup(h, made);
      if (t == null) {
        return null;
      }
      out.add(t);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("An inbound node names no input tensor: " + node);
    }
    return out;
  }

  private static void collectKeras3(Object a, List<Object[]> out) {
    if (a instanceof List<?> l) {
      for (Object x : l) {
        collectKeras3(x, out);
      }
    } else if (a instanceof Map<?, ?> m
        && "__keras_tensor__".equals(m.get("class_name"))
        && m.get("config") instanceof Map<?, ?> cfg
        && cfg.get("keras_history") instanceof List<?> h) {
      out.add(h.toArray());
    }
  }

  private static KerasTensor lookup(Object[] h, Map<String, List<List<KerasTensor>>> made) {
    String layer = (String) h[0];
    int nodeIndex = ((Number) h[1]).intValue();
    int tensorIndex = ((Number) h[2]).intValue();
    List<List<KerasTensor>> calls = made.get(layer);
    if (calls == null || nodeIndex >= calls.size()) {
      return null;
    }
    List<KerasTensor> outs = calls.get(nodeIndex);
    if (tensorIndex >= outs.size()) {
      throw new IllegalArgumentException(
          "Layer '"
              + layer
              + "' has "
              + outs.size()
              + " outputs. Received: tensor_index="
              + tensorIndex);
    }
    return outs.get(tensorIndex);
  }

  /** The model's inputs or outputs: {@code [[name, node, tensor], ...]} or one flat triple. */
  static List<KerasTensor> endpoints(
      Object spec, Map<String, List<List<KerasTensor>>> made, String key) {
    if (!(spec instanceof List<?> l) || l.isEmpty()) {
      throw new IllegalArgumentException(
          "Functional config needs a non-empty " + key + ". Received: " + spec);
    }
    List<Object[]> triples = new ArrayList<>();
    if (l.get(0) instanceof String) {
      triples.add(l.toArray());
    } else {
      for (Object o : l) {
        triples.add(((List<?>) o).toArray());
      }
    }
    List<KerasTensor> out = new ArrayList<>();
    for (Object[] t : triples) {
      KerasTensor kt = lookup(t, made);
      if (kt == null) {
        throw new IllegalArgumentException(
            key + " names a tensor that is never made: " + List.of(t));
      }
      out.add(kt);
    }
    return out;
  }
}

package io.keras4j.models;

import io.keras4j.KerasTensor;
import io.keras4j.internal.Json;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.saving.Config;
import io.keras4j.saving.LayerRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds models from Keras JSON: {@code model.to_json()} of Keras 2 and Keras 3, the {@code
 * model_config} of .h5 files, and TensorFlow.js's {@code model.json} topology.
 */
public final class Models {
  private Models() {}

  /** A model from its JSON topology (weights are not part of it). */
  public static Model modelFromJson(String json) {
    return fromConfig(unwrap(Json.readObject(json)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> unwrap(Map<String, Object> top) {
    Map<String, Object> m = top;
    if (m.get("modelTopology") instanceof Map<?, ?> t) {
      m = (Map<String, Object>) t;
    }
    if (m.get("model_config") instanceof Map<?, ?> t) {
      m = (Map<String, Object>) t;
    }
    return m;
  }

  /** A model from a {@code {"class_name": ..., "config": ...}} entry. */
  public static Model fromConfig(Map<String, Object> entry) {
    Layer l = deserializeLayer(entry);
    if (!(l instanceof Model model)) {
      throw new IllegalArgumentException(
          "Expected a model (Sequential, Functional or Model). Received: class_name="
              + entry.get("class_name"));
    }
    return model;
  }

  /** Any layer entry, models included. */
  @SuppressWarnings("unchecked")
  static Layer deserializeLayer(Map<String, Object> entry) {
    Object cls = entry.get("class_name");
    if (!(cls instanceof String className)) {
      throw new IllegalArgumentException(
          "A layer entry needs a string class_name. Received: " + entry.keySet());
    }
    Object config = entry.get("config");
    switch (className) {
      case "Sequential" -> {
        return sequential(config);
      }
      case "Functional", "Model" -> {
        return functional((Map<String, Object>) config);
      }
      default -> {
        return LayerRegistry.create(className, (Map<String, Object>) config);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Sequential sequential(Object config) {
    List<Object> layers;
    String name = null;
    if (config instanceof List<?> l) {
      layers = (List<Object>) l; // Keras 1 and early Keras 2: the config is the list itself
    } else {
      Config c = new Config("Sequential", (Map<String, Object>) config);
      layers = c.getList("layers");
      name = c.getString("name", null);
    }
    Sequential seq = new Sequential();
    if (name != null) {
      seq.name(name);
    }
    for (Object o : layers) {
      Layer l = deserializeLayer((Map<String, Object>) o);
      seq.add(l);
    }
    if (!seq.hasGraph() && config instanceof Map<?, ?> m && m.get("build_input_shape") != null) {
      seq.build(new Config("Sequential", (Map<String, Object>) m).getIntArray("build_input_shape"));
    }
    return seq;
  }

  @SuppressWarnings("unchecked")
  private static Model functional(Map<String, Object> config) {
    Config c = new Config("Functional", config);
    Map<String, Layer> byName = new LinkedHashMap<>();
    Map<String, List<Object>> pendingNodes = new LinkedHashMap<>();
    for (Object o : c.getList("layers")) {
      Map<String, Object> entry = (Map<String, Object>) o;
      Layer layer = deserializeLayer(entry);
      String name = entry.get("name") instanceof String s ? s : layer.name();
      byName.put(name, layer);
      Object nodes = entry.get("inbound_nodes");
      pendingNodes.put(name, nodes instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>());
    }
    // Outputs of every processed call: layer name -> one list of tensors per call.
    Map<String, List<List<KerasTensor>>> made = new HashMap<>();
    for (Map.Entry<String, Layer> e : byName.entrySet()) {
      if (e.getValue() instanceof InputLayer il) {
        made.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(List.of(il.output()));
        pendingNodes.get(e.getKey()).clear();
      }
    }
    // Shared layers can need tensors from layers listed later: sweep until nothing is left.
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, List<Object>> e : pendingNodes.entrySet()) {
        List<Object> nodes = e.getValue();
        while (!nodes.isEmpty()) {
          List<KerasTensor> inputs = NodeSpecs.resolve(nodes.get(0), made);
          if (inputs == null) {
            break;
          }
          Layer layer = byName.get(e.getKey());
          List<KerasTensor> outs = layer.applyAll(inputs);
          made.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(outs);
          nodes.remove(0);
          progress = true;
        }
      }
    }
    for (Map.Entry<String, List<Object>> e : pendingNodes.entrySet()) {
      if (!e.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot rebuild the model: the inputs of layer '"
                + e.getKey()
                + "' are never produced. Unresolved call: "
                + e.getValue().get(0));
      }
    }
    List<KerasTensor> inputs = NodeSpecs.endpoints(c.get("input_layers"), made, "input_layers");
    List<KerasTensor> outputs = NodeSpecs.endpoints(c.get("output_layers"), made, "output_layers");
    return new Model(inputs, outputs, c.getString("name", null));
  }
}

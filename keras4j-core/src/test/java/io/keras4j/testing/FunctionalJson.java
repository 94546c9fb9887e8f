package io.keras4j.testing;

import io.keras4j.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Keras 2 style Functional model JSON ({@code {"class_name": "Model", ...}} with {@code
 * inbound_nodes} as {@code [[["name", 0, 0, {}], ...]]}), so that tests can describe models made of
 * layers that may not exist yet as Java classes and build them with {@code Models.modelFromJson}.
 * Each layer is called once.
 */
public final class FunctionalJson {
  private final String name;
  private final List<Map<String, Object>> layers = new ArrayList<>();
  private final List<Object> inputs = new ArrayList<>();

  public FunctionalJson(String name) {
    this.name = name;
  }

  /** Adds an input of {@code shape} (without the batch axis); returns its name. */
  public String input(String layerName, int[] shape, String dtype) {
    List<Object> batchShape = new ArrayList<>();
    batchShape.add(null);
    for (int d : shape) {
      batchShape.add(d);
    }
    Map<String, Object> config =
        cfg("batch_input_shape", batchShape, "dtype", dtype, "sparse", false, "name", layerName);
    add(layerName, "InputLayer", config, List.of());
    inputs.add(List.of(layerName, 0, 0));
    return layerName;
  }

  /** Adds a layer called on the outputs of the named layers; returns its name. */
  public String layer(
      String layerName, String className, Map<String, Object> config, String... inbound) {
    Map<String, Object> c = new LinkedHashMap<>(config);
    c.put("name", layerName);
    c.putIfAbsent("trainable", true);
    List<Object> call = new ArrayList<>();
    for (String in : inbound) {
      call.add(List.of(in, 0, 0, Map.of()));
    }
    add(layerName, className, c, List.of(call));
    return layerName;
  }

  private void add(String layerName, String className, Map<String, Object> c, List<Object> nodes) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", layerName);
    entry.put("class_name", className);
    entry.put("config", c);
    entry.put("inbound_nodes", nodes);
    layers.add(entry);
  }

  /** The model entry with these outputs. */
  public Map<String, Object> toEntry(String... outputs) {
    List<Object> outs = new ArrayList<>();
    for (String o : outputs) {
      outs.add(List.of(o, 0, 0));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("layers", layers);
    config.put("input_layers", inputs);
    config.put("output_layers", outs);
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("class_name", "Model");
    top.put("config", config);
    top.put("keras_version", "2.1.6");
    top.put("backend", "tensorflow");
    return top;
  }

  /** The model JSON with these outputs. */
  public String toJson(String... outputs) {
    return Json.write(toEntry(outputs));
  }

  /** A config map from alternating keys and values (values may be null, as Keras's None). */
  public static Map<String, Object> cfg(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "cfg needs key/value pairs. Received: " + keyValues.length);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}

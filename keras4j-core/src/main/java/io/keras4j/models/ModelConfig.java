package io.keras4j.models;

import io.keras4j.KerasTensor;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes models as Keras 3 configs (the JSON of {@code model.to_json()}). */
final class ModelConfig {
  private ModelConfig() {}

  /** The whole model: {@code {"module", "class_name", "config", "registered_name", ...}}. */
  static Map<String, Object> serialize(Model model) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", "keras");
    m.put("class_name", className(model));
    m.put("config", model.getConfig());
    m.put("registered_name", null);
    if (model.hasGraph()) {
      m.put("build_config", buildConfig(model.inputs().stream().map(KerasTensor::shape).toList()));
    }
    return m;
  }

  static String className(Layer l) {
    if (l instanceof Sequential) {
      return "Sequential";
    }
    if (l instanceof Model) {
      return "Functional";
    }
    return l.getClass().getSimpleName();
  }

  /** One layer entry: class, config and (when built) the input shape it was built for. */
  static Map<String, Object> layerEntry(Layer l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", l instanceof Model ? "keras" : "keras.layers");
    m.put("class_name", className(l));
    m.put("config", l.getConfig());
    m.put("registered_name", null);
    if (l.isBuilt() && !(l instanceof InputLayer) && l.builtInputShapes() != null) {
      m.put("build_config", buildConfig(l.builtInputShapes()));
    }
    return m;
  }

  private static Map<String, Object> buildConfig(List<int[]> shapes) {
    Map<String, Object> b = new LinkedHashMap<>();
    if (shapes.size() == 1) {
      b.put("input_shape", Config.list(shapes.get(0)));
    } else {
      List<Object> l = new ArrayList<>();
      for (int[] s : shapes) {
        l.add(Config.list(s));
      }
      b.put("input_shape", l);
    }
    return b;
  }

  static Map<String, Object> sequentialConfig(Sequential seq, InputLayer input) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", seq.name());
    c.put("trainable", seq.trainable());
    c.put("dtype", Layer.dtypePolicy(seq.dtype()));
    List<Object> layers = new ArrayList<>();
    if (input != null) {
      layers.add(layerEntry(input));
    }
    for (Layer l : seq.layers()) {
      layers.add(layerEntry(l));
    }
    c.put("layers", layers);
    if (input != null) {
      c.put("build_input_shape", Config.list(input.batchShape()));
    }
    return c;
  }

  static Map<String, Object> functionalConfig(Model model) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", model.name());
    c.put("trainable", model.trainable());
    List<Object> layers = new ArrayList<>();
    for (Layer l : model.layers()) {
      Map<String, Object> entry = layerEntry(l);
      entry.put("name", l.name());
      List<Object> nodes = new ArrayList<>();
      for (Node n : l.inboundNodes()) {
        if (!model.graphContains(n) || n.isInput()) {
          continue;
        }
        nodes.add(nodeEntry(model, n));
      }
      entry.put("inbound_nodes", nodes);
      layers.add(entry);
    }
    c.put("layers", layers);
    c.put("input_layers", historyList(model, model.inputs()));
    c.put("output_layers", historyList(model, model.outputs()));
    return c;
  }

  /** Keras 3's node form: {@code {"args": [tensor or [tensors]], "kwargs": {}}}. */
  private static Map<String, Object> nodeEntry(Model model, Node n) {
    List<Object> args = new ArrayList<>();
    if (n.inputs().size() == 1) {
      args.add(tensorEntry(model, n.inputs().get(0)));
    } else {
      List<Object> many = new ArrayList<>();
      for (KerasTensor t : n.inputs()) {
        many.add(tensorEntry(model, t));
      }
      args.add(many);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("args", args);
    m.put("kwargs", new LinkedHashMap<>());
    return m;
  }

  private static Map<String, Object> tensorEntry(Model model, KerasTensor t) {
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("shape", Config.list(t.shape()));
    cfg.put("dtype", t.dtype().kerasName());
    cfg.put("keras_history", List.of(t.layer().name(), modelNodeIndex(model, t), t.tensorIndex()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class_name", "__keras_tensor__");
    m.put("config", cfg);
    return m;
  }

  /** A node's index among the nodes of its layer that belong to this model, as Keras renumbers. */
  private static int modelNodeIndex(Model model, KerasTensor t) {
    List<Node> nodes = t.layer().inboundNodes();
    int idx = 0;
    for (int i = 0; i < t.nodeIndex(); i++) {
      if (model.graphContains(nodes.get(i))) {
        idx++;
      }
    }
    return idx;
  }

  private static List<Object> historyList(Model model, List<KerasTensor> ts) {
    List<Object> out = new ArrayList<>();
    for (KerasTensor t : ts) {
      out.add(List.of(t.layer().name(), modelNodeIndex(model, t), t.tensorIndex()));
    }
    return out;
  }
}

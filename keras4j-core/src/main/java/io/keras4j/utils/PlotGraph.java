package io.keras4j.utils;

import io.keras4j.KerasTensor;
import io.keras4j.Shapes;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.awt.Color;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boxes, edges and clusters of a model plot, walked as Keras's {@code model_to_dot}: a
 * Sequential's layers (no input box) chained, a Functional model's layers (with their input boxes)
 * joined along the nodes of its graph, a nested model one box or, with {@code expandNested}, a
 * cluster whose edges reach into the layers that produce and take the tensors.
 */
final class PlotGraph {
  /** A nested model drawn as a cluster; {@code parent} is -1 for clusters of the top model. */
  record Cluster(String name, int parent, int depth) {}

  /** An edge between two boxes; {@code cluster} is the cluster of the model that owns it, or -1. */
  record Edge(int from, int to, int cluster) {}

  final List<PlotBox> boxes = new ArrayList<>();
  final List<Edge> edges = new ArrayList<>();
  final List<Cluster> clusters = new ArrayList<>();
  private final Map<Layer, Integer> ids = new IdentityHashMap<>();
  private final Set<Long> edgeKeys = new LinkedHashSet<>();
  private final PlotModelOptions options;

  private PlotGraph(PlotModelOptions options) {
    this.options = options;
  }

  static PlotGraph of(Model model, PlotModelOptions options) {
    PlotGraph g = new PlotGraph(options);
    if (!model.hasGraph()) {
      if (!model.isBuilt()) {
        throw new IllegalStateException(
            "plotModel: model '"
                + model.name()
                + "' has not yet been built. Build the model first by calling build() or by"
                + " calling the model on a batch of data. Received: an unbuilt "
                + model.getClass().getSimpleName());
      }
      // A subclassed model without a graph is one box, as in Keras.
      g.addBox(model, List.of(), null);
      return g;
    }
    g.addModel(model, List.of(), -1);
    return g;
  }

  private void addModel(Model model, List<Integer> path, int cluster) {
    Set<Node> graphNodes = nodesOf(model);
    List<Layer> layers = model.layers();
    for (Layer layer : layers) {
      if (options.expandNested() && layer instanceof Model sub && sub.hasGraph()) {
        int id = clusters.size();
        clusters.add(new Cluster(sub.name(), cluster, path.size()));
        List<Integer> subPath = new ArrayList<>(path);
        subPath.add(id);
        addModel(sub, List.copyOf(subPath), id);
      } else {
        addBox(layer, path, graphNodes);
      }
    }
    List<Layer> targets = layers;
    if (model instanceof Sequential) {
      if (!options.expandNested()) {
        for (int i = 0; i + 1 < layers.size(); i++) {
          addEdge(layers.get(i), layers.get(i + 1), cluster);
        }
        return;
      }
      // The Sequential's input layer has no box: the edge into its first layer comes from outside.
      targets = layers.isEmpty() ? layers : layers.subList(1, layers.size());
    }
    for (Layer layer : targets) {
      for (Node node : layer.inboundNodes()) {
        if (!graphNodes.contains(node)) {
          continue;
        }
        List<KerasTensor> inputs = node.inputs();
        for (int inputIndex = 0; inputIndex < inputs.size(); inputIndex++) {
          KerasTensor t = inputs.get(inputIndex);
          Layer source = t.layer();
          if (source == null) {
            continue;
          }
          Layer destination = layer;
          if (options.expandNested()) {
            int outputIndex = t.tensorIndex();
            while (source instanceof Model m && m.hasGraph() && outputIndex < m.outputs().size()) {
              KerasTensor out = m.outputs().get(outputIndex);
              source = out.layer();
              outputIndex = out.tensorIndex();
            }
            while (destination instanceof Model m && m.hasGraph()) {
              if (m instanceof Sequential s) {
                if (s.layers().isEmpty()) {
                  break;
                }
                destination = s.layers().get(0);
              } else {
                if (inputIndex >= m.inputs().size()) {
                  break;
                }
                destination = m.inputs().get(inputIndex).layer();
              }
            }
          }
          addEdge(source, destination, cluster);
        }
      }
    }
  }

  /** The nodes of a model's graph: those reached from its outputs back to its inputs. */
  static Set<Node> nodesOf(Model model) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<KerasTensor> inputs = Collections.newSetFromMap(new IdentityHashMap<>());
    inputs.addAll(model.inputs());
    Deque<KerasTensor> todo = new ArrayDeque<>(model.outputs());
    while (!todo.isEmpty()) {
      KerasTensor t = todo.pop();
      Node node = t.node();
      if (node == null || !seen.add(node) || inputs.contains(t)) {
        continue;
      }
      todo.addAll(node.inputs());
    }
    return seen;
  }

  private void addEdge(Layer from, Layer to, int cluster) {
    Integer a = ids.get(from);
    Integer b = ids.get(to);
    if (a == null || b == null || a.equals(b)) {
      return;
    }
    if (edgeKeys.add(((long) a << 32) | b)) {
      edges.add(new Edge(a, b, cluster));
    }
  }

  private void addBox(Layer layer, List<Integer> path, Set<Node> graphNodes) {
    String className = layer.getClass().getSimpleName();
    List<List<PlotBox.Cell>> rows = new ArrayList<>();
    List<PlotBox.Segment> title =
        options.showLayerNames()
            ? List.of(
                new PlotBox.Segment(layer.name(), true),
                new PlotBox.Segment(" (" + className + ")", false))
            : List.of(new PlotBox.Segment(className, true));
    rows.add(List.of(new PlotBox.Cell(title, 16f, Color.BLACK, Color.WHITE)));
    if (options.showLayerActivations()) {
      String activation = activationName(layer);
      if (activation != null) {
        rows.add(List.of(white("Activation: ", activation)));
      }
    }
    List<PlotBox.Cell> cells = new ArrayList<>();
    Node node = firstNode(layer, graphNodes);
    if (options.showShapes()) {
      if (!(layer instanceof InputLayer)) {
        cells.add(white("Input shape: ", node == null ? "?" : shapes(node.inputs())));
      }
      cells.add(white("Output shape: ", node == null ? "?" : shapes(node.outputs())));
    }
    if (options.showDtype()) {
      cells.add(white("Output dtype: ", node == null ? "?" : dtypes(node.outputs())));
    }
    if (options.showTrainable() && !layer.weights().isEmpty()) {
      boolean trainable = layer.trainable();
      cells.add(
          new PlotBox.Cell(
              List.of(new PlotBox.Segment(trainable ? "Trainable" : "Non-trainable", true)),
              14f,
              trainable ? PlotBox.FOREST_GREEN : PlotBox.FIREBRICK,
              Color.WHITE));
    }
    if (!cells.isEmpty()) {
      rows.add(List.copyOf(cells));
    }
    int id = boxes.size();
    ids.put(layer, id);
    boxes.add(new PlotBox(id, layer.name(), List.copyOf(rows), path));
  }

  private static PlotBox.Cell white(String label, String value) {
    return new PlotBox.Cell(
        List.of(new PlotBox.Segment(label, false), new PlotBox.Segment(value, true)),
        14f,
        Color.WHITE,
        Color.BLACK);
  }

  /** The node whose tensors the box shows: Keras's layer.input/output read node 0. */
  private static Node firstNode(Layer layer, Set<Node> graphNodes) {
    List<Node> nodes = layer.inboundNodes();
    if (nodes.isEmpty()) {
      return null;
    }
    if (graphNodes != null) {
      for (Node n : nodes) {
        if (graphNodes.contains(n)) {
          return n;
        }
      }
    }
    return nodes.get(0);
  }

  /** Keras's activation name, read from the layer's config ("activation"), or null. */
  private static String activationName(Layer layer) {
    Object a;
    try {
      a = layer.getConfig().get("activation");
    } catch (RuntimeException e) {
      return null;
    }
    if (a instanceof String s) {
      return s;
    }
    if (a instanceof Map<?, ?> m) {
      Object config = m.get("config");
      if (config instanceof Map<?, ?> c && c.get("name") instanceof String n) {
        return n;
      }
      Object className = m.get("class_name");
      return className == null ? null : className.toString();
    }
    return null;
  }

  /** A tensor's shape as Python prints it, a list of them for several: "[(None, 5), (None, 3)]". */
  private static String shapes(List<KerasTensor> tensors) {
    if (tensors.size() == 1) {
      return Shapes.toString(tensors.get(0).shape());
    }
    List<String> s = new ArrayList<>();
    for (KerasTensor t : tensors) {
      s.add(Shapes.toString(t.shape()));
    }
    return "[" + String.join(", ", s) + "]";
  }

  private static String dtypes(List<KerasTensor> tensors) {
    if (tensors.size() == 1) {
      return String.valueOf(tensors.get(0).dtype());
    }
    List<String> s = new ArrayList<>();
    for (KerasTensor t : tensors) {
      s.add("'" + t.dtype() + "'");
    }
    return "[" + String.join(", ", s) + "]";
  }
}

package io.keras4j.models;

import io.keras4j.KerasTensor;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The topology of a Functional model, found from its outputs back to its inputs as Keras's {@code
 * map_graph}: the nodes to run in order, the layers ordered by depth (inputs first, ties by
 * traversal order), and the checks that the graph is connected and its layer names unique.
 */
final class Graph {
  final List<Node> nodes;
  final List<Layer> layers;
  private final Map<Node, Integer> depths;

  private Graph(List<Node> nodes, List<Layer> layers, Map<Node, Integer> depths) {
    this.nodes = nodes;
    this.layers = layers;
    this.depths = depths;
  }

  static Graph of(String modelName, List<KerasTensor> inputs, List<KerasTensor> outputs) {
    Set<KerasTensor> inputSet = Collections.newSetFromMap(new IdentityHashMap<>());
    inputSet.addAll(inputs);
    List<Node> ordered = new ArrayList<>();
    Map<Layer, Integer> layerIndex = new IdentityHashMap<>();
    Set<Node> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    for (KerasTensor out : outputs) {
      visit(out, inputSet, finished, inProgress, ordered, layerIndex);
    }
    // Depth: number of nodes between a node and an output; a layer takes its deepest node's.
    Set<Node> inGraph = Collections.newSetFromMap(new IdentityHashMap<>());
    inGraph.addAll(ordered);
    Map<Node, Integer> nodeDepth = new IdentityHashMap<>();
    Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
    for (int i = ordered.size() - 1; i >= 0; i--) {
      Node node = ordered.get(i);
      int depth = nodeDepth.getOrDefault(node, 0);
      depth = Math.max(depth, layerDepth.getOrDefault(node.layer(), 0));
      layerDepth.put(node.layer(), depth);
      nodeDepth.put(node, depth);
      for (KerasTensor t : node.inputs()) {
        Node parent = t.node();
        if (inGraph.contains(parent)) {
          nodeDepth.put(parent, Math.max(depth + 1, nodeDepth.getOrDefault(parent, 0)));
        }
      }
    }
    // Inputs that no output depends on still belong to the model (Keras keeps them).
    for (KerasTensor in : inputs) {
      Layer l = in.layer();
      if (!layerDepth.containsKey(l) && in.node().isInput()) {
        layerDepth.put(l, 0);
        layerIndex.put(l, -1);
        nodeDepth.put(in.node(), 0);
      }
    }
    List<Layer> layers = new ArrayList<>(layerDepth.keySet());
    layers.sort(
        Comparator.<Layer>comparingInt(l -> -layerDepth.get(l))
            .thenComparingInt(l -> layerIndex.getOrDefault(l, -1)));
    List<Node> nodes = new ArrayList<>(nodeDepth.keySet());
    Map<Node, Integer> order = new IdentityHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      order.put(ordered.get(i), i);
    }
    nodes.sort(
        Comparator.<Node>comparingInt(n -> -nodeDepth.get(n))
            .thenComparingInt(n -> order.getOrDefault(n, -1)));
    checkComputable(modelName, inputSet, nodes);
    checkUniqueNames(modelName, layers);
    return new Graph(nodes, layers, nodeDepth);
  }

  private static void visit(
      KerasTensor t,
      Set<KerasTensor> inputs,
      Set<Node> finished,
      Set<Node> inProgress,
      List<Node> ordered,
      Map<Layer, Integer> layerIndex) {
    Node node = t.node();
    if (finished.contains(node)) {
      return;
    }
    if (!node.isInput() && inputs.contains(t)) {
      // A declared input made by another layer: the graph starts here.
      finished.add(node);
      return;
    }
    if (inProgress.contains(node)) {
      throw new IllegalArgumentException(
          "Tensor " + t + " from layer '" + node.layer().name() + "' is part of a cycle.");
    }
    layerIndex.putIfAbsent(node.layer(), layerIndex.size());
    inProgress.add(node);
    if (!node.isInput()) {
      for (KerasTensor in : node.inputs()) {
        visit(in, inputs, finished, inProgress, ordered, layerIndex);
      }
    }
    finished.add(node);
    inProgress.remove(node);
    ordered.add(node);
  }

  private static void checkComputable(String modelName, Set<KerasTensor> inputs, List<Node> nodes) {
    Set<KerasTensor> computable = Collections.newSetFromMap(new IdentityHashMap<>());
    computable.addAll(inputs);
    List<String> done = new ArrayList<>();
    for (Node node : nodes) {
      if (node.isInput() && !inputs.containsAll(node.outputs())) {
        throw new IllegalArgumentException(
            "Graph disconnected in model '"
                + modelName
                + "': the input '"
                + node.layer().name()
                + "' is needed to compute the outputs but is not one of the model's inputs"
                + " (inputs given: "
                + names(inputs)
                + "). Layers reached without issue: "
                + done);
      }
      for (KerasTensor t : node.inputs()) {
        if (!computable.contains(t)) {
          throw new IllegalArgumentException(
              "Graph disconnected in model '"
                  + modelName
                  + "': cannot compute the input "
                  + t
                  + " of layer '"
                  + node.layer().name()
                  + "' from the model's inputs "
                  + names(inputs)
                  + ". Layers reached without issue: "
                  + done);
        }
      }
      computable.addAll(node.outputs());
      done.add(node.layer().name());
    }
  }

  private static List<String> names(Set<KerasTensor> inputs) {
    List<String> n = new ArrayList<>();
    for (KerasTensor t : inputs) {
      n.add(t.name());
    }
    return n;
  }

  private static void checkUniqueNames(String modelName, List<Layer> layers) {
    Map<String, Integer> count = new LinkedHashMap<>();
    for (Layer l : layers) {
      count.merge(l.name(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (e.getValue() > 1) {
        throw new IllegalArgumentException(
            "The name \""
                + e.getKey()
                + "\" is used "
                + e.getValue()
                + " times in model '"
                + modelName
                + "'. All layer names should be unique.");
      }
    }
  }

  /** Whether every depth holds one single-input node and no layer is called twice. */
  boolean isSequentialLike() {
    Set<Layer> seenLayers = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Integer> seenDepths = new HashSet<>();
    for (Node n : nodes) {
      if (n.inputs().size() > 1 || !seenLayers.add(n.layer()) || !seenDepths.add(depths.get(n))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a node belongs to this graph. */
  boolean contains(Node n) {
    return depths.containsKey(n);
  }
}

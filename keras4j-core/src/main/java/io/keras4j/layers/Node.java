package io.keras4j.layers;

import io.keras4j.KerasTensor;
import java.util.ArrayList;
import java.util.List;

/** One call of a layer on symbolic tensors: the edge of a Functional graph. */
public final class Node {
  private final Layer layer;
  private final List<KerasTensor> inputs;
  private final List<KerasTensor> outputs = new ArrayList<>();

  Node(Layer layer, List<KerasTensor> inputs) {
    this.layer = layer;
    this.inputs = List.copyOf(inputs);
  }

  void addOutput(KerasTensor t) {
    outputs.add(t);
  }

  public Layer layer() {
    return layer;
  }

  public List<KerasTensor> inputs() {
    return inputs;
  }

  public List<KerasTensor> outputs() {
    return List.copyOf(outputs);
  }

  /** Whether this is the node of an {@link InputLayer} (no inputs). */
  public boolean isInput() {
    return layer instanceof InputLayer;
  }

  /** The nodes that produced this node's inputs. */
  public List<Node> parentNodes() {
    List<Node> parents = new ArrayList<>();
    for (KerasTensor t : inputs) {
      parents.add(t.node());
    }
    return parents;
  }
}

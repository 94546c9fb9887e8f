package io.keras4j;

import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;

/**
 * A symbolic tensor: a shape and a dtype, and the history of the layer call that made it (the
 * layer, which of its calls, which of that call's outputs). Functional models are built from these.
 */
public final class KerasTensor {
  private final int[] shape;
  private final DType dtype;
  private final String name;
  private final Layer layer;
  private final int nodeIndex;
  private final int tensorIndex;

  /** Made by {@link Layer#apply(KerasTensor)} and {@link Input}; not by users. */
  public KerasTensor(
      int[] shape, DType dtype, String name, Layer layer, int nodeIndex, int tensorIndex) {
    this.shape = shape.clone();
    this.dtype = dtype;
    this.name = name;
    this.layer = layer;
    this.nodeIndex = nodeIndex;
    this.tensorIndex = tensorIndex;
  }

  /** The shape, {@code -1} for an unknown dimension (Keras's {@code None}); a copy. */
  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public DType dtype() {
    return dtype;
  }

  public String name() {
    return name;
  }

  /** The layer whose call made this tensor. */
  public Layer layer() {
    return layer;
  }

  /** Which call of {@link #layer()} made this tensor. */
  public int nodeIndex() {
    return nodeIndex;
  }

  /** Which output of that call this tensor is. */
  public int tensorIndex() {
    return tensorIndex;
  }

  /** The call that made this tensor. */
  public Node node() {
    return layer.inboundNodes().get(nodeIndex);
  }

  @Override
  public String toString() {
    return "<KerasTensor shape="
        + Shapes.toString(shape)
        + ", dtype="
        + dtype
        + ", name="
        + name
        + ">";
  }
}

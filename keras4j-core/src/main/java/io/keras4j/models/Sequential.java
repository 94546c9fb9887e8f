package io.keras4j.models;

import io.keras4j.DType;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A plain stack of layers, each taking the previous one's output. Once the input shape is known (an
 * {@link io.keras4j.Input} first, an input shape on the first layer, {@link #build}, or the first
 * call) it becomes a Functional graph, as in Keras 3.
 */
public class Sequential extends Model {
  private final List<Layer> stack = new ArrayList<>();
  private InputLayer inputLayer;

  public Sequential() {}

  public Sequential(Layer... layers) {
    this(List.of(layers));
  }

  public Sequential(List<Layer> layers) {
    for (Layer l : layers) {
      add(l);
    }
  }

  /** A stack that starts with an input, as {@code Sequential([keras.Input((784,)), ...])}. */
  public Sequential(KerasTensor input, Layer... layers) {
    add(input);
    for (Layer l : layers) {
      add(l);
    }
  }

  @Override
  protected String defaultNamePrefix() {
    return "sequential";
  }

  /** Adds an input (only as the first element). */
  public Sequential add(KerasTensor input) {
    if (!(input.layer() instanceof InputLayer il)) {
      throw new IllegalArgumentException(
          "Sequential '"
              + name()
              + "' accepts as a tensor only an Input made by Input.of(...). Received: "
              + input);
    }
    if (inputLayer != null || !stack.isEmpty()) {
      throw new IllegalArgumentException(
          "Sequential '"
              + name()
              + "' can take an Input only as its first element. Received: "
              + input
              + " after "
              + (stack.size() + (inputLayer == null ? 0 : 1))
              + " element(s)");
    }
    inputLayer = il;
    return this;
  }

  /** Adds a layer on top of the stack. */
  public Sequential add(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("Sequential '" + name() + "' cannot add a null layer");
    }
    if (layer instanceof InputLayer il) {
      return add(il.output());
    }
    for (Layer l : stack) {
      if (l == layer) {
        throw new IllegalArgumentException(
            "Layer '" + layer.name() + "' is already in Sequential '" + name() + "'");
      }
      if (l.name().equals(layer.name())) {
        throw new IllegalArgumentException(
            "All layers added to a Sequential model should have unique names. Name '"
                + layer.name()
                + "' is already the name of a layer in Sequential '"
                + name()
                + "'");
      }
    }
    stack.add(layer);
    try {
      rebuild();
    } catch (RuntimeException e) {
      stack.remove(stack.size() - 1);
      throw e;
    }
    return this;
  }

  /** Removes the last layer. */
  public Layer pop() {
    if (stack.isEmpty()) {
      throw new IllegalStateException("Sequential '" + name() + "' has no layers to pop");
    }
    Layer l = stack.remove(stack.size() - 1);
    untrack(l);
    rebuild();
    return l;
  }

  /** The layers of the stack (without the input layer). */
  @Override
  public List<Layer> layers() {
    return Collections.unmodifiableList(stack);
  }

  /** Builds the model for a batch input shape (batch axis first, -1 for unknown sizes). */
  @Override
  public void build(int... batchInputShape) {
    if (inputLayer == null) {
      inputLayer = new InputLayer(batchInputShape, DType.FLOAT32, null);
    }
    rebuild();
  }

  /** Makes (or remakes) the Functional graph when the input shape is known. */
  private void rebuild() {
    if (inputLayer == null && !stack.isEmpty() && stack.get(0).batchInputShape() != null) {
      inputLayer = new InputLayer(stack.get(0).batchInputShape(), stack.get(0).dtype(), null);
    }
    if (inputLayer == null || stack.isEmpty()) {
      return;
    }
    KerasTensor x = inputLayer.output();
    for (Layer l : stack) {
      x = l.apply(x);
    }
    setGraph(List.of(inputLayer.output()), List.of(x));
  }

  /** The input layer, or null while the input shape is unknown. */
  public InputLayer inputLayer() {
    return inputLayer;
  }

  @Override
  public List<Tensor> callEager(List<Tensor> in, CallContext ctx) {
    if (!hasGraph()) {
      if (stack.isEmpty()) {
        throw new IllegalStateException("Sequential '" + name() + "' has no layers");
      }
      int[] shape = in.get(0).shape();
      shape[0] = -1;
      inputLayer = new InputLayer(shape, in.get(0).dtype(), null);
      rebuild();
    }
    return super.callEager(in, ctx);
  }

  @Override
  public Map<String, Object> getConfig() {
    return ModelConfig.sequentialConfig(this, inputLayer);
  }
}

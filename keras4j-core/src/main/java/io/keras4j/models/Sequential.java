package io.keras4j.models;

import io.keras4j.DType;
import io.keras4j.KerasTensor;
import io.keras4j.Tensor;
import io.keras4j.layers.CallContext;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
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
    stackAll(layers);
  }

  /** A stack that starts with an input, as {@code Sequential([keras.Input((784,)), ...])}. */
  public Sequential(KerasTensor input, Layer... layers) {
    add(input);
    stackAll(List.of(layers));
  }

  /** As Keras's constructor: stacks every layer, then builds once (one call of each layer). */
  private void stackAll(List<Layer> layers) {
    for (Layer l : layers) {
      if (l instanceof InputLayer il) {
        add(il.output());
      } else {
        push(l);
      }
    }
    rebuild();
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

  /**
   * Adds a layer on top of the stack. Once the input shape is known, the layer is called once on
   * the current output (one new inbound node, as Keras); the layers below are not called again.
   */
  public Sequential add(Layer layer) {
    if (layer instanceof InputLayer il) {
      return add(il.output());
    }
    push(layer);
    try {
      if (hasGraph()) {
        KerasTensor x = layer.apply(outputs().get(0));
        try {
          setGraph(inputs(), List.of(x));
        } catch (RuntimeException e) {
          forgetLastInboundNode(layer, x.node());
          throw e;
        }
      } else {
        rebuild();
      }
    } catch (RuntimeException e) {
      stack.remove(stack.size() - 1);
      throw e;
    }
    return this;
  }

  /** Puts a layer on the stack after checking it is new there and uniquely named. */
  private void push(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("Sequential '" + name() + "' cannot add a null layer");
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
  }

  /**
   * Removes the last layer, and its call in this model (its last inbound node): the model's output
   * becomes the input of that call, and no layer is called again.
   */
  public Layer pop() {
    if (stack.isEmpty()) {
      throw new IllegalStateException("Sequential '" + name() + "' has no layers to pop");
    }
    Layer l = stack.remove(stack.size() - 1);
    untrack(l);
    if (hasGraph()) {
      Node call = outputs().get(0).node();
      forgetLastInboundNode(l, call);
      // The input of the popped call is the new output (the model's input for an empty stack).
      setGraph(inputs(), List.of(call.inputs().get(0)));
    }
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
    if (hasGraph()) {
      return; // built already, as Keras's build of a built model
    }
    if (inputLayer == null) {
      inputLayer = new InputLayer(batchInputShape, DType.FLOAT32, null);
    }
    rebuild();
  }

  /** Makes the Functional graph, calling each layer once, when the input shape is known. */
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

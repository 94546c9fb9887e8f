package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.KerasTensor;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/** The source of a model's input: holds the batch shape and makes the input {@link KerasTensor}. */
public final class InputLayer extends Layer {
  private final int[] batchShape;
  private final KerasTensor output;

  /** An input of the given batch shape (batch axis included, -1 for unknown sizes). */
  public InputLayer(int[] batchShape, DType dtype, String name) {
    for (int d : batchShape) {
      if (d < -1 || d == 0) {
        throw new IllegalArgumentException(
            "Input shape dimensions must be positive or -1 (None). Received: shape="
                + Shapes.toString(Shapes.dropFirst(batchShape)));
      }
    }
    this.batchShape = batchShape.clone();
    if (name != null) {
      name(name);
    }
    dtype(dtype);
    Node node = new Node(this, List.of());
    addInboundNode(node);
    this.output = new KerasTensor(this.batchShape, dtype, name(), this, 0, 0);
    node.addOutput(output);
    markBuilt(List.of(this.batchShape));
  }

  @Override
  protected String defaultNamePrefix() {
    return "input_layer";
  }

  /** The batch shape (batch axis included). */
  public int[] batchShape() {
    return batchShape.clone();
  }

  /** The symbolic tensor this input provides. */
  public KerasTensor output() {
    return output;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return inputs;
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("batch_shape", Config.list(batchShape));
    c.put("dtype", dtype().kerasName());
    c.put("sparse", false);
    c.put("name", name());
    return c;
  }

  public static InputLayer fromConfig(Config c) {
    int[] shape;
    // Keras 3 writes batch_shape, Keras 2 batch_input_shape; every name is asked for, so that
    // none of them reads as an unknown key.
    boolean batch = c.has("batch_shape");
    boolean batchInput = c.has("batch_input_shape");
    boolean input = c.has("input_shape");
    boolean plain = c.has("shape");
    if (batch) {
      shape = c.getIntArray("batch_shape");
    } else if (batchInput) {
      shape = c.getIntArray("batch_input_shape");
    } else if (input) {
      shape = Shapes.withBatch(-1, c.getIntArray("input_shape"));
    } else if (plain) {
      shape = Shapes.withBatch(-1, c.getIntArray("shape"));
    } else {
      throw new IllegalArgumentException(
          "Config of InputLayer needs batch_shape or batch_input_shape. Received: " + c.asMap());
    }
    Object dt = c.get("dtype");
    DType dtype = DType.FLOAT32;
    if (dt instanceof String s) {
      dtype = DType.fromKeras(s);
    } else if (dt instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> inner) {
      dtype = DType.fromKeras(String.valueOf(inner.get("name")));
    }
    return new InputLayer(shape, dtype, c.has("name") ? c.getString("name") : null);
  }
}

package io.keras4j;

import io.keras4j.layers.InputLayer;

/**
 * Creates the symbolic inputs of a model, as {@code keras.Input}. Shapes leave out the batch axis;
 * {@code -1} stands for a dimension of any size (Keras's {@code None}).
 */
public final class Input {
  private Input() {}

  /** A float32 input of the given shape (batch axis excluded). */
  public static KerasTensor of(int... shape) {
    return new InputLayer(Shapes.withBatch(-1, shape), DType.FLOAT32, null).output();
  }

  /** A named float32 input. */
  public static KerasTensor of(String name, int... shape) {
    return new InputLayer(Shapes.withBatch(-1, shape), DType.FLOAT32, name).output();
  }

  /** An input of the given dtype (e.g. int32 token ids for an Embedding). */
  public static KerasTensor of(DType dtype, int... shape) {
    return new InputLayer(Shapes.withBatch(-1, shape), dtype, null).output();
  }

  /** A named input of the given dtype. */
  public static KerasTensor of(String name, DType dtype, int... shape) {
    return new InputLayer(Shapes.withBatch(-1, shape), dtype, name).output();
  }

  /** An input with a fixed batch size, as {@code keras.Input(batch_shape=...)}. */
  public static KerasTensor ofBatchShape(int... batchShape) {
    return new InputLayer(batchShape, DType.FLOAT32, null).output();
  }
}

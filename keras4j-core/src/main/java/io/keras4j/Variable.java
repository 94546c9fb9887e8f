package io.keras4j;

import io.keras4j.ops.GradientTape;
import java.util.Arrays;

/**
 * A named, mutable tensor owned by a layer or an optimizer: the weights of a model. Assigning
 * writes into the variable's own buffer, so the tensor returned by {@link #value()} is a live view
 * that training changes; {@link #numpy()} returns a copy that never changes.
 */
public final class Variable {
  private final String name;
  private String path;
  private final int[] shape;
  private final DType dtype;
  private boolean trainable;
  private final Tensor value;

  public Variable(String name, Tensor initialValue, boolean trainable) {
    this.name = name;
    this.path = name;
    this.shape = initialValue.shape();
    this.dtype = initialValue.dtype();
    this.trainable = trainable;
    this.value = initialValue.copy(); // its own arrays, never a training step's
  }

  public String name() {
    return name;
  }

  /** The variable's path, e.g. {@code "dense/kernel"}. */
  public String path() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public int[] shape() {
    return shape.clone();
  }

  /** The shape array itself, without a copy; for the library. */
  public int[] shapeRef() {
    return shape;
  }

  public DType dtype() {
    return dtype;
  }

  public boolean trainable() {
    return trainable;
  }

  public void setTrainable(boolean trainable) {
    this.trainable = trainable;
  }

  /**
   * The current value, a live view (see the class comment). Reading a trainable variable while a
   * {@link GradientTape} is open makes the tape watch it, as in TensorFlow.
   */
  public Tensor value() {
    if (trainable) {
      GradientTape.variableAccessed(value);
    }
    return value;
  }

  /** A copy of the current value. */
  public Tensor numpy() {
    return dtype == DType.FLOAT32
        ? Tensor.of(value.floats(), shape)
        : Tensor.ofInts(value.ints(), shape);
  }

  /** Copies new values in; the shape must match. */
  public void assign(Tensor newValue) {
    if (!Arrays.equals(newValue.shapeRef(), shape)) {
      throw new IllegalArgumentException(
          "Cannot assign to variable '"
              + path
              + "': expected shape "
              + Shapes.toString(shape)
              + ". Received: shape="
              + Shapes.toString(newValue.shapeRef()));
    }
    if (dtype == DType.FLOAT32) {
      float[] src = newValue.dtype() == DType.FLOAT32 ? newValue.floats() : newValue.toFloatArray();
      System.arraycopy(src, 0, value.floats(), 0, src.length);
    } else {
      int[] src = newValue.dtype() == DType.INT32 ? newValue.ints() : newValue.toIntArray();
      System.arraycopy(src, 0, value.ints(), 0, src.length);
    }
  }

  @Override
  public String toString() {
    return "<Variable path="
        + path
        + ", shape="
        + Shapes.toString(shape)
        + ", dtype="
        + dtype
        + ">";
  }
}

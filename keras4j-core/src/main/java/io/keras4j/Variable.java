package io.keras4j;

import io.keras4j.backend.Backend;
import io.keras4j.internal.NewVariables;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.internal.VariableReads;
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

  static {
    ShapeRefs.installVariableReader(v -> v.shape);
    NewVariables.install(
        (name, fresh, trainable) ->
            new Variable(name, Tensor.of(fresh.storage().keep(), fresh.shape()), trainable, true));
  }

  public Variable(String name, Tensor initialValue, boolean trainable) {
    this(name, initialValue, trainable, false);
  }

  /** {@code adopted}: {@code initialValue} is the variable's own already (see NewVariables). */
  private Variable(String name, Tensor initialValue, boolean trainable, boolean adopted) {
    this.name = name;
    this.path = name;
    this.shape = initialValue.shape();
    this.dtype = initialValue.dtype();
    this.trainable = trainable;
    this.value = adopted ? initialValue : initialValue.copy(); // never a training step's arrays
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
   * {@code GradientTape} is open makes the tape watch it, as in TensorFlow.
   */
  public Tensor value() {
    if (trainable) {
      VariableReads.read(value);
    }
    return value;
  }

  /** A copy of the current value. */
  public Tensor numpy() {
    return value.copy();
  }

  /** Copies new values in; the shape must match. */
  public void assign(Tensor newValue) {
    if (!Arrays.equals(ShapeRefs.of(newValue), shape)) {
      throw new IllegalArgumentException(
          "Cannot assign to variable '"
              + path
              + "': expected shape "
              + Shapes.toString(shape)
              + ". Received: shape="
              + Shapes.toString(ShapeRefs.of(newValue)));
    }
    Backend.current().assign(value, newValue);
  }

  /**
   * Adds {@code delta} to the value in place, as Keras's {@code variable.assign_add}. The delta has
   * the variable's shape or broadcasts to it (a scalar adds to every element); float32 variables
   * add in float32, int32 variables add int32 deltas exactly and truncate the (double) sum with a
   * float32 delta toward zero.
   */
  public void assignAdd(Tensor delta) {
    update(delta, false, "assign_add");
  }

  /** Subtracts {@code delta} from the value in place, as Keras's {@code variable.assign_sub}. */
  public void assignSub(Tensor delta) {
    update(delta, true, "assign_sub");
  }

  private void update(Tensor delta, boolean subtract, String op) {
    int[] ds = ShapeRefs.of(delta);
    if (!broadcastsToShape(ds)) {
      throw new IllegalArgumentException(
          "Cannot "
              + op
              + " to variable '"
              + path
              + "': expected a value of shape "
              + Shapes.toString(shape)
              + " or one that broadcasts to it. Received: shape="
              + Shapes.toString(ds));
    }
    int n = (int) value.size();
    if (delta.size() != n && delta.size() != 1) {
      delta = Backend.current().array().broadcastTo(delta, shape);
    }
    Backend.current().assignAdd(value, delta, subtract);
  }

  /** Whether a value of shape {@code from} broadcasts to this variable's shape. */
  private boolean broadcastsToShape(int[] from) {
    if (from.length > shape.length) {
      return false;
    }
    int off = shape.length - from.length;
    for (int i = 0; i < from.length; i++) {
      if (from[i] != 1 && from[i] != shape[off + i]) {
        return false;
      }
    }
    return true;
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

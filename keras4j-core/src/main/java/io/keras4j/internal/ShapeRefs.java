package io.keras4j.internal;

import io.keras4j.Tensor;
import io.keras4j.Variable;

/**
 * The shape arrays of tensors and variables without a copy, for the library's own code (ops,
 * layers, trainers check shapes on every call; a copy per check would be garbage per op). Not
 * exported: {@code Tensor.shape()} and {@code Variable.shape()} give users copies, so nobody
 * outside keras4j can change a tensor's shape. {@code Tensor} and {@code Variable} install the
 * readers when they load (the shared-secrets pattern of the JDK), so any instance passed here has
 * one. Never write to the arrays returned.
 */
public final class ShapeRefs {
  private ShapeRefs() {}

  /** Reads the shape field of a class that cannot expose it publicly. */
  @FunctionalInterface
  public interface Reader<T> {
    int[] shape(T owner);
  }

  private static Reader<Tensor> tensors;
  private static Reader<Variable> variables;

  /** Called once by {@code Tensor}'s static initializer. */
  public static void installTensorReader(Reader<Tensor> reader) {
    if (tensors != null) {
      throw new IllegalStateException("The tensor shape reader is installed already");
    }
    tensors = reader;
  }

  /** Called once by {@code Variable}'s static initializer. */
  public static void installVariableReader(Reader<Variable> reader) {
    if (variables != null) {
      throw new IllegalStateException("The variable shape reader is installed already");
    }
    variables = reader;
  }

  /** {@code t}'s shape array itself: read it, never write it. */
  public static int[] of(Tensor t) {
    return tensors.shape(t);
  }

  /** {@code v}'s shape array itself: read it, never write it. */
  public static int[] of(Variable v) {
    return variables.shape(v);
  }
}

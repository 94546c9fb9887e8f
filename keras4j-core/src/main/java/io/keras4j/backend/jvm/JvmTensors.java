package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.pool.Buffers;

/**
 * The one place the Java backend reaches a tensor's arrays (its {@link JvmStorage}) and makes
 * tensors from arrays. Nothing outside {@code io.keras4j.backend.jvm} reads a tensor's storage:
 * {@link Tensor} holds an opaque {@link io.keras4j.backend.Storage}.
 */
public final class JvmTensors {
  private JvmTensors() {}

  /** The float32 values of {@code t}, without a copy: read them, never write them. */
  public static float[] floats(Tensor t) {
    return storage(t.asFloat()).floats();
  }

  /** The int32 values of {@code t}, without a copy: read them, never write them. */
  public static int[] ints(Tensor t) {
    return storage(t.asInt()).ints();
  }

  /**
   * The live array of a library-owned tensor that a kernel updates in place (a variable's value, an
   * optimizer slot). Never for a user's tensor.
   */
  public static float[] mutableFloats(Tensor t) {
    float[] a = storage(t).floats();
    if (a == null) {
      throw new IllegalStateException("Expected a float32 tensor. Received: dtype=" + t.dtype());
    }
    return a;
  }

  /** As {@link #mutableFloats(Tensor)} for an int32 tensor (a step counter). */
  public static int[] mutableInts(Tensor t) {
    int[] a = storage(t).ints();
    if (a == null) {
      throw new IllegalStateException("Expected an int32 tensor. Received: dtype=" + t.dtype());
    }
    return a;
  }

  /** A tensor over {@code data}, which the caller hands over and never writes again. */
  public static Tensor wrap(float[] data, int... shape) {
    return Tensor.of(JvmStorage.ofFloats(data, Buffers.lease()), shape);
  }

  /** An int32 tensor over {@code data}; see {@link #wrap(float[], int...)}. */
  public static Tensor wrapInts(int[] data, int... shape) {
    return Tensor.of(JvmStorage.ofInts(data, Buffers.lease()), shape);
  }

  /** An output array the caller overwrites entirely before reading (step pool or new). */
  public static float[] output(int n) {
    return Buffers.overwritten(n);
  }

  /** A zeroed output array (step pool or new). */
  public static float[] zeroed(int n) {
    return Buffers.floats(n);
  }

  private static JvmStorage storage(Tensor t) {
    if (t.storage() instanceof JvmStorage s) {
      return s;
    }
    throw new IllegalArgumentException(
        "This tensor's values live in another backend's memory, not the Java backend's: move it"
            + " to the current backend first. Received: storage="
            + t.storage().getClass().getName());
  }
}

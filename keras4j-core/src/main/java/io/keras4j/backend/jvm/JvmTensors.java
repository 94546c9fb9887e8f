package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.pool.Buffers;

/**
 * The one place the Java backend reaches a tensor's arrays and makes tensors from arrays. Nothing
 * outside {@code io.keras4j.backend.jvm} reads a tensor's storage; when {@link Tensor} holds an
 * opaque storage handle, only this class changes.
 */
public final class JvmTensors {
  private JvmTensors() {}

  /** The float32 values of {@code t}, without a copy: read them, never write them. */
  public static float[] floats(Tensor t) {
    return t.asFloat().floats();
  }

  /** The int32 values of {@code t}, without a copy: read them, never write them. */
  public static int[] ints(Tensor t) {
    return t.asInt().ints();
  }

  /**
   * The live array of a library-owned tensor that a kernel updates in place (a variable's value, an
   * optimizer slot). Never for a user's tensor.
   */
  public static float[] mutableFloats(Tensor t) {
    return t.floats();
  }

  /** As {@link #mutableFloats(Tensor)} for an int32 tensor (a step counter). */
  public static int[] mutableInts(Tensor t) {
    return t.ints();
  }

  /** A tensor over {@code data}, which the caller hands over and never writes again. */
  public static Tensor wrap(float[] data, int... shape) {
    return Tensor.wrap(data, shape);
  }

  /** An int32 tensor over {@code data}; see {@link #wrap(float[], int...)}. */
  public static Tensor wrapInts(int[] data, int... shape) {
    return Tensor.wrapInts(data, shape);
  }

  /** An output array the caller overwrites entirely before reading (step pool or new). */
  public static float[] output(int n) {
    return Buffers.overwritten(n);
  }

  /** A zeroed output array (step pool or new). */
  public static float[] zeroed(int n) {
    return Buffers.floats(n);
  }
}

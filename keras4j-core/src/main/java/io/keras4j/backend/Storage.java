package io.keras4j.backend;

import io.keras4j.DType;

/**
 * The memory holding one tensor's values, owned by the backend that made it: arrays on the Java
 * heap for the pure Java backend, device memory for a native or GPU one. {@link io.keras4j.Tensor}
 * is a shape and a storage; everything outside the backend reads values only through the copies and
 * single-element reads below, so no caller ever holds a backend's memory.
 *
 * <p>A storage is not written after its tensor was made, with one exception: a variable's, which
 * its backend updates in place (assign, optimizer steps). A storage made during a pooled training
 * step may become unreadable when the step ends (its memory is reused); every read then throws an
 * {@link IllegalStateException} naming the step, never another step's values.
 */
public interface Storage {

  /** The element type. */
  DType dtype();

  /** The number of elements. */
  int size();

  /** Whether the values can still be read (false once a pooled step released the memory). */
  boolean isReadable();

  /** Why the values can no longer be read, or null when they can. */
  String unreadableReason();

  /** The values as float32 (a new array; int32 values are converted). */
  float[] toFloatArray();

  /** The values as int32 (a new array; float32 values are truncated toward zero). */
  int[] toIntArray();

  /** Element {@code index} (row-major) as float32. */
  float getFloat(int index);

  /** Element {@code index} (row-major) as int32 (float32 values truncated toward zero). */
  int getInt(int index);

  /** A copy of the values in memory of its own that stays readable for good. */
  Storage copy();

  /**
   * This storage when its memory is its own for good (no pooled training step lends it), else a
   * {@link #copy()}: what a new variable adopts from a tensor that nobody else holds, so that a 670
   * MB initial kernel is not allocated twice.
   */
  default Storage keep() {
    return copy();
  }

  /**
   * The values converted to {@code dtype} (this storage when it already has that type); the result
   * stays readable exactly as long as this one.
   */
  Storage cast(DType dtype);
}

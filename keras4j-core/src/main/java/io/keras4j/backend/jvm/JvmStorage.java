package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.backend.Storage;
import io.keras4j.backend.pool.Buffers;

/**
 * The Java backend's storage: one heap array ({@code float[]} or {@code int[]}) and, when the array
 * may be a pooled training step's, that step's lease. Only this package reaches the array (through
 * {@link JvmTensors}); a read after the step ended throws the lease's error.
 */
final class JvmStorage implements Storage {
  private final float[] floats;
  private final int[] ints;
  private final Buffers.Lease lease; // the pooled step whose arrays this may use; null: none

  private JvmStorage(float[] floats, int[] ints, Buffers.Lease lease) {
    this.floats = floats;
    this.ints = ints;
    this.lease = lease;
  }

  static JvmStorage ofFloats(float[] data, Buffers.Lease lease) {
    return new JvmStorage(data, null, lease);
  }

  static JvmStorage ofInts(int[] data, Buffers.Lease lease) {
    return new JvmStorage(null, data, lease);
  }

  /** The array, after the readability check; null when this storage holds int32. */
  float[] floats() {
    readable();
    return floats;
  }

  /** The array, after the readability check; null when this storage holds float32. */
  int[] ints() {
    readable();
    return ints;
  }

  @Override
  public DType dtype() {
    return floats != null ? DType.FLOAT32 : DType.INT32;
  }

  @Override
  public int size() {
    return floats != null ? floats.length : ints.length;
  }

  @Override
  public boolean isReadable() {
    return lease == null || !lease.released();
  }

  @Override
  public String unreadableReason() {
    return isReadable() ? null : lease.recycled().getMessage();
  }

  @Override
  public float[] toFloatArray() {
    readable();
    float[] out;
    if (floats != null) {
      out = floats.clone();
    } else {
      out = new float[ints.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = ints[i];
      }
    }
    readAfter();
    return out;
  }

  @Override
  public int[] toIntArray() {
    readable();
    int[] out;
    if (ints != null) {
      out = ints.clone();
    } else {
      out = new int[floats.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (int) floats[i];
      }
    }
    readAfter();
    return out;
  }

  @Override
  public float getFloat(int index) {
    readable();
    float v = floats != null ? floats[index] : ints[index];
    readAfter();
    return v;
  }

  @Override
  public int getInt(int index) {
    readable();
    int v = ints != null ? ints[index] : (int) floats[index];
    readAfter();
    return v;
  }

  @Override
  public Storage copy() {
    return floats != null
        ? new JvmStorage(toFloatArray(), null, null)
        : new JvmStorage(null, toIntArray(), null);
  }

  @Override
  public Storage keep() {
    return lease == null ? this : copy();
  }

  @Override
  public Storage cast(DType dtype) {
    if (dtype == dtype()) {
      return this;
    }
    return dtype == DType.FLOAT32
        ? new JvmStorage(toFloatArray(), null, lease)
        : new JvmStorage(null, toIntArray(), lease);
  }

  /** Refuses a read once the step whose arrays this storage uses has ended. */
  private void readable() {
    Buffers.Lease l = lease;
    if (l != null) {
      l.check();
    }
  }

  /** After values were copied out: refuses them when the step ended meanwhile (another thread). */
  private void readAfter() {
    Buffers.Lease l = lease;
    if (l != null) {
      l.checkAfterRead();
    }
  }
}

package io.keras4j;

import io.keras4j.backend.pool.Buffers;
import java.util.Arrays;

/**
 * An n-dimensional array of float32 or int32 values in row-major order.
 *
 * <p>A tensor a user holds is never changed by the library: every op returns a new tensor, and
 * factories copy the arrays they are given. Only the library's own buffers (weights being trained,
 * scratch space) are written in place.
 *
 * <p>One exception to "a tensor stays readable": during {@code fit} and {@code evaluate}, from the
 * second step on, the tensors that ops compute (layer outputs, losses, gradients) live in arrays
 * that the next step reuses (see {@link Buffers}). Such a tensor is valid until its step ends; any
 * read after that ({@link #getFloat}, {@link #toFloatArray}, {@link #item}, an op...) throws an
 * {@link IllegalStateException} naming the step, and never returns another step's values ({@link
 * #isReadable()} tells beforehand). To keep a value computed inside a step (a layer's last output,
 * say), keep {@link #copy()}.
 */
public final class Tensor {
  private final DType dtype;
  private final int[] shape;
  private final float[] floats;
  private final int[] ints;
  private final Buffers.Lease lease; // the pooled step whose arrays this may use; null: none

  private Tensor(DType dtype, int[] shape, float[] floats, int[] ints) {
    this(dtype, shape, floats, ints, null);
  }

  private Tensor(DType dtype, int[] shape, float[] floats, int[] ints, Buffers.Lease lease) {
    this.dtype = dtype;
    this.shape = shape;
    this.floats = floats;
    this.ints = ints;
    this.lease = lease;
  }

  // ---- factories -------------------------------------------------------------------------

  /** A float32 tensor from row-major data and a shape (the data is copied). */
  public static Tensor of(float[] data, int... shape) {
    checkShape(shape, data.length);
    return new Tensor(DType.FLOAT32, shape.clone(), data.clone(), null);
  }

  /** A 1-D float32 tensor. */
  public static Tensor of(float... data) {
    return new Tensor(DType.FLOAT32, new int[] {data.length}, data.clone(), null);
  }

  /** A 2-D float32 tensor from rows of equal length. */
  public static Tensor of(float[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    float[] data = new float[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "All rows must have the same length: expected "
                + cols
                + ". Received: rows["
                + r
                + "].length="
                + rows[r].length);
      }
      System.arraycopy(rows[r], 0, data, r * cols, cols);
    }
    return new Tensor(DType.FLOAT32, new int[] {rows.length, cols}, data, null);
  }

  /** An int32 tensor from row-major data and a shape (the data is copied). */
  public static Tensor ofInts(int[] data, int... shape) {
    checkShape(shape, data.length);
    return new Tensor(DType.INT32, shape.clone(), null, data.clone());
  }

  /** A 2-D int32 tensor from rows of equal length. */
  public static Tensor ofInts(int[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    int[] data = new int[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "All rows must have the same length: expected "
                + cols
                + ". Received: rows["
                + r
                + "].length="
                + rows[r].length);
      }
      System.arraycopy(rows[r], 0, data, r * cols, cols);
    }
    return new Tensor(DType.INT32, new int[] {rows.length, cols}, null, data);
  }

  public static Tensor zeros(int... shape) {
    return new Tensor(DType.FLOAT32, shape.clone(), new float[checkedSize(shape)], null);
  }

  public static Tensor ones(int... shape) {
    return full(1f, shape);
  }

  public static Tensor full(float value, int... shape) {
    float[] data = new float[checkedSize(shape)];
    Arrays.fill(data, value);
    return new Tensor(DType.FLOAT32, shape.clone(), data, null);
  }

  public static Tensor zerosLike(Tensor t) {
    return t.dtype == DType.INT32
        ? new Tensor(DType.INT32, t.shape.clone(), null, new int[t.ints.length])
        : zeros(t.shape);
  }

  /** A rank-0 float32 tensor. */
  public static Tensor scalar(float value) {
    return new Tensor(DType.FLOAT32, new int[0], new float[] {value}, null);
  }

  /**
   * Wraps an array without copying it. For the library's kernels and ops only: the caller hands
   * over the array and must not write it afterwards. Inside a pooled training step the array may be
   * the step's (see {@link Buffers}), so the tensor is readable until the step ends.
   */
  public static Tensor wrap(float[] data, int... shape) {
    checkShape(shape, data.length);
    return new Tensor(DType.FLOAT32, shape, data, null, Buffers.lease());
  }

  /** Wraps an int array without copying it; see {@link #wrap(float[], int...)}. */
  public static Tensor wrapInts(int[] data, int... shape) {
    checkShape(shape, data.length);
    return new Tensor(DType.INT32, shape, null, data, Buffers.lease());
  }

  /**
   * A copy of this tensor with its own arrays: it never changes and stays readable for good, also
   * when this one was computed inside a training step whose arrays are reused (see the class
   * comment). Keep {@code output.copy()} in a layer's field, not {@code output}.
   *
   * @throws IllegalStateException when this tensor's step has already ended
   */
  public Tensor copy() {
    readable();
    Tensor c =
        dtype == DType.FLOAT32
            ? new Tensor(dtype, shape.clone(), floats.clone(), null)
            : new Tensor(dtype, shape.clone(), null, ints.clone());
    readAfter();
    return c;
  }

  private static int checkedSize(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "Tensor dimensions must be >= 0. Received: shape=" + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "Tensor too large for one JVM array: "
              + n
              + " elements. Received: shape="
              + Arrays.toString(shape));
    }
    return (int) n;
  }

  private static void checkShape(int[] shape, int length) {
    int n = checkedSize(shape);
    if (n != length) {
      throw new IllegalArgumentException(
          "Data length does not match the shape: shape "
              + Arrays.toString(shape)
              + " needs "
              + n
              + " values. Received: data.length="
              + length);
    }
  }

  // ---- accessors -------------------------------------------------------------------------

  public DType dtype() {
    return dtype;
  }

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Dimension {@code axis} (negative counts from the end). */
  public int dim(int axis) {
    return shape[Shapes.axis(axis, shape.length)];
  }

  public int rank() {
    return shape.length;
  }

  public long size() {
    return dtype == DType.FLOAT32 ? floats.length : ints.length;
  }

  /** The values as float32, row-major (a copy; int32 tensors are converted). */
  public float[] toFloatArray() {
    readable();
    float[] out;
    if (dtype == DType.FLOAT32) {
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

  /** The values as int32, row-major (a copy; float32 values are truncated toward zero). */
  public int[] toIntArray() {
    readable();
    int[] out;
    if (dtype == DType.INT32) {
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

  public float getFloat(int... index) {
    int flat = flatIndex(index);
    readable();
    float v = dtype == DType.FLOAT32 ? floats[flat] : ints[flat];
    readAfter();
    return v;
  }

  public int getInt(int... index) {
    int flat = flatIndex(index);
    readable();
    int v = dtype == DType.INT32 ? ints[flat] : (int) floats[flat];
    readAfter();
    return v;
  }

  /** The single value of a tensor with one element, e.g. a scalar loss. */
  public float item() {
    if (size() != 1) {
      throw new IllegalStateException(
          "item() needs a tensor with exactly one element. Received: shape="
              + Shapes.toString(shape));
    }
    readable();
    float v = dtype == DType.FLOAT32 ? floats[0] : ints[0];
    readAfter();
    return v;
  }

  /**
   * Whether this tensor's values can still be read: false once the training step that computed it
   * has ended and its arrays were handed back for reuse (see the class comment).
   */
  public boolean isReadable() {
    return lease == null || !lease.released();
  }

  /** Refuses a read once the step whose arrays this tensor uses has ended. */
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

  private int flatIndex(int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "Index rank does not match the tensor: expected "
              + shape.length
              + " indices for shape "
              + Shapes.toString(shape)
              + ". Received: "
              + Arrays.toString(index));
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "Index out of range on axis "
                + i
                + " of shape "
                + Shapes.toString(shape)
                + ". Received: "
                + Arrays.toString(index));
      }
      flat = flat * shape[i] + index[i];
    }
    return flat;
  }

  /**
   * The backing float array, without a copy. For the library's kernels: never write to it, and
   * never hand it to user code.
   */
  public float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("Expected a float32 tensor. Received: dtype=" + dtype);
    }
    readable();
    return floats;
  }

  /** The backing int array, without a copy; see {@link #floats()}. */
  public int[] ints() {
    if (ints == null) {
      throw new IllegalStateException("Expected an int32 tensor. Received: dtype=" + dtype);
    }
    readable();
    return ints;
  }

  /** The shape array itself, without a copy; for the library's ops. */
  public int[] shapeRef() {
    return shape;
  }

  /** This tensor as float32 (itself when it already is). */
  public Tensor asFloat() {
    return dtype == DType.FLOAT32
        ? this
        : new Tensor(DType.FLOAT32, shape, toFloatArray(), null, lease);
  }

  /** This tensor as int32 (itself when it already is). */
  public Tensor asInt() {
    return dtype == DType.INT32 ? this : new Tensor(DType.INT32, shape, null, toIntArray(), lease);
  }

  /**
   * A tensor with the same values and a new shape of the same size (shares the buffer, so it is
   * readable exactly as long as this one).
   */
  public Tensor reshapeView(int... newShape) {
    checkShape(newShape, (int) size());
    readable();
    return new Tensor(dtype, newShape.clone(), floats, ints, lease);
  }

  /**
   * The shape, the dtype and the first values; for a tensor whose step has ended (see {@link
   * #isReadable()}), the reason instead of the values, since logging must not throw.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor(shape=").append(Shapes.toString(shape));
    sb.append(", dtype=").append(dtype).append(", values=");
    if (!isReadable()) {
      return sb.append('<').append(lease.recycled().getMessage()).append(">)").toString();
    }
    int n = (int) Math.min(size(), 12);
    sb.append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(dtype == DType.FLOAT32 ? Float.toString(floats[i]) : Integer.toString(ints[i]));
    }
    if (size() > n) {
      sb.append(", ...");
    }
    if (lease != null && lease.releasedAfterRead()) { // the step ended meanwhile (another thread)
      sb.setLength(0);
      return toString();
    }
    return sb.append("])").toString();
  }
}

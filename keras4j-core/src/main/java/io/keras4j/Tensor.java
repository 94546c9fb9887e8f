package io.keras4j;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Storage;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * An n-dimensional array of float32 or int32 values in row-major order: a shape and the backend's
 * {@link Storage} of the values. No method hands out the backend's memory; values come out as
 * copies ({@link #toFloatArray()}) or one at a time ({@link #getFloat}).
 *
 * <p>A tensor a user holds is never changed by the library: every op returns a new tensor, and
 * factories copy the arrays they are given. Only the library's own buffers (weights being trained,
 * scratch space) are written in place.
 *
 * <p>One exception to "a tensor stays readable": during {@code fit} and {@code evaluate}, from the
 * second step on, the tensors that ops compute (layer outputs, losses, gradients) live in arrays
 * that the next step reuses (the backend's step pool). Such a tensor is valid until its step ends;
 * any read after that ({@link #getFloat}, {@link #toFloatArray}, {@link #item}, an op...) throws an
 * {@link IllegalStateException} naming the step, and never returns another step's values ({@link
 * #isReadable()} tells beforehand). To keep a value computed inside a step (a layer's last output,
 * say), keep {@link #copy()}.
 */
public final class Tensor {
  private final int[] shape;
  private final Storage storage;

  static {
    ShapeRefs.installTensorReader(t -> t.shape);
  }

  private Tensor(int[] shape, Storage storage) {
    this.shape = shape;
    this.storage = storage;
  }

  private static Storage floats(float[] data) {
    return Backend.current().storage(data);
  }

  private static Storage ints(int[] data) {
    return Backend.current().storage(data);
  }

  // ---- factories -------------------------------------------------------------------------

  /** A float32 tensor from row-major data and a shape (the data is copied). */
  public static Tensor of(float[] data, int... shape) {
    checkShape(shape, data.length);
    return new Tensor(shape.clone(), floats(data.clone()));
  }

  /** A 1-D float32 tensor. */
  public static Tensor of(float... data) {
    return new Tensor(new int[] {data.length}, floats(data.clone()));
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
    return new Tensor(new int[] {rows.length, cols}, floats(data));
  }

  /** An int32 tensor from row-major data and a shape (the data is copied). */
  public static Tensor ofInts(int[] data, int... shape) {
    checkShape(shape, data.length);
    return new Tensor(shape.clone(), ints(data.clone()));
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
    return new Tensor(new int[] {rows.length, cols}, ints(data));
  }

  public static Tensor zeros(int... shape) {
    return new Tensor(shape.clone(), floats(new float[checkedSize(shape)]));
  }

  public static Tensor ones(int... shape) {
    return full(1f, shape);
  }

  public static Tensor full(float value, int... shape) {
    float[] data = new float[checkedSize(shape)];
    Arrays.fill(data, value);
    return new Tensor(shape.clone(), floats(data));
  }

  public static Tensor zerosLike(Tensor t) {
    return t.dtype() == DType.INT32
        ? new Tensor(t.shape.clone(), ints(new int[t.storage.size()]))
        : zeros(t.shape);
  }

  /** A rank-0 float32 tensor. */
  public static Tensor scalar(float value) {
    return new Tensor(new int[0], floats(new float[] {value}));
  }

  /**
   * A tensor over a backend's storage (see {@link Backend#storage(float[])}), without a copy: how a
   * backend hands out the results of its kernels. The shape must match the storage's size.
   */
  public static Tensor of(Storage storage, int... shape) {
    checkShape(shape, storage.size());
    return new Tensor(shape.clone(), storage);
  }

  /**
   * A copy of this tensor with its own arrays: it never changes and stays readable for good, also
   * when this one was computed inside a training step whose arrays are reused (see the class
   * comment). Keep {@code output.copy()} in a layer's field, not {@code output}.
   *
   * @throws IllegalStateException when this tensor's step has already ended
   */
  public Tensor copy() {
    return new Tensor(shape.clone(), storage.copy());
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
    return storage.dtype();
  }

  /**
   * The backend's storage of the values: opaque outside the backend that made it (see {@link
   * Storage}).
   */
  public Storage storage() {
    return storage;
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
    return storage.size();
  }

  /** The values as float32, row-major (a copy; int32 tensors are converted). */
  public float[] toFloatArray() {
    return storage.toFloatArray();
  }

  /** The values as int32, row-major (a copy; float32 values are truncated toward zero). */
  public int[] toIntArray() {
    return storage.toIntArray();
  }

  public float getFloat(int... index) {
    return storage.getFloat(flatIndex(index));
  }

  public int getInt(int... index) {
    return storage.getInt(flatIndex(index));
  }

  /** The single value of a tensor with one element, e.g. a scalar loss. */
  public float item() {
    if (size() != 1) {
      throw new IllegalStateException(
          "item() needs a tensor with exactly one element. Received: shape="
              + Shapes.toString(shape));
    }
    return storage.getFloat(0);
  }

  /**
   * Whether this tensor's values can still be read: false once the training step that computed it
   * has ended and its arrays were handed back for reuse (see the class comment).
   */
  public boolean isReadable() {
    return storage.isReadable();
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

  /** This tensor as float32 (itself when it already is). */
  public Tensor asFloat() {
    return dtype() == DType.FLOAT32 ? this : new Tensor(shape, storage.cast(DType.FLOAT32));
  }

  /** This tensor as int32 (itself when it already is). */
  public Tensor asInt() {
    return dtype() == DType.INT32 ? this : new Tensor(shape, storage.cast(DType.INT32));
  }

  /**
   * A tensor with the same values and a new shape of the same size (shares the buffer, so it is
   * readable exactly as long as this one).
   */
  public Tensor reshapeView(int... newShape) {
    checkShape(newShape, (int) size());
    String unreadable = storage.unreadableReason();
    if (unreadable != null) {
      throw new IllegalStateException(unreadable);
    }
    return new Tensor(newShape.clone(), storage);
  }

  /**
   * The shape, the dtype and the first values; for a tensor whose step has ended (see {@link
   * #isReadable()}), the reason instead of the values, since logging must not throw.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor(shape=").append(Shapes.toString(shape));
    sb.append(", dtype=").append(dtype()).append(", values=");
    String unreadable = storage.unreadableReason();
    if (unreadable == null) {
      try {
        int n = (int) Math.min(size(), 12);
        StringBuilder values = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            values.append(", ");
          }
          values.append(
              dtype() == DType.FLOAT32
                  ? Float.toString(storage.getFloat(i))
                  : Integer.toString(storage.getInt(i)));
        }
        if (size() > n) {
          values.append(", ...");
        }
        return sb.append(values).append("])").toString();
      } catch (IllegalStateException e) { // the step ended meanwhile (another thread)
        unreadable = e.getMessage();
      }
    }
    return sb.append('<').append(unreadable).append(">)").toString();
  }
}

package io.keras4j.initializers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.random.RandomOps;
import java.util.Map;

/**
 * An orthogonal matrix times {@code gain}, as Keras's {@code Orthogonal(gain=1.0, seed=None)}. The
 * shape is read as a matrix of (product of all but the last dimension) rows and (last dimension)
 * columns; the result has orthonormal columns when it has more rows than columns, else orthonormal
 * rows. It is the Q of the QR decomposition of a normal random matrix, made unique by a positive
 * diagonal of R, as in Keras.
 */
public final class Orthogonal extends RandomInitializer {
  private final double gain;

  public Orthogonal() {
    this(1.0);
  }

  public Orthogonal(double gain) {
    this(gain, null);
  }

  public Orthogonal(double gain, long seed) {
    this(gain, Long.valueOf(seed));
  }

  Orthogonal(double gain, Long seed) {
    super(seed);
    this.gain = gain;
  }

  public double gain() {
    return gain;
  }

  @Override
  public Tensor apply(int... shape) {
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          "The tensor to initialize must be at least two-dimensional. Received: shape="
              + Shapes.toString(shape)
              + " of rank "
              + shape.length
              + ".");
    }
    long rowsLong = Shapes.size(shape) / Math.max(1, shape[shape.length - 1]);
    int cols = shape[shape.length - 1];
    int rows = (int) rowsLong;
    int tall = Math.max(rows, cols);
    int wide = Math.min(rows, cols);
    float[] normal =
        RandomOps.normal(new int[] {tall, wide}, 0.0, 1.0, effectiveSeed()).toFloatArray();
    double[] a = new double[normal.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = normal[i];
    }
    double[] q = tall == 0 || wide == 0 ? new double[0] : Qr.orthonormalColumns(a, tall, wide);
    float[] out = new float[q.length];
    if (rows < cols) {
      // q is (cols x rows); the result is its transpose, with orthonormal rows.
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          out[i * cols + j] = (float) (gain * q[j * rows + i]);
        }
      }
    } else {
      for (int i = 0; i < q.length; i++) {
        out[i] = (float) (gain * q[i]);
      }
    }
    return Tensor.of(out, shape);
  }

  @Override
  protected void addConfig(Map<String, Object> config) {
    config.put("gain", gain);
  }

  @Override
  public String className() {
    return "Orthogonal";
  }
}

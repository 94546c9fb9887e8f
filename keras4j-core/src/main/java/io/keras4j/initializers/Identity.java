package io.keras4j.initializers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gain} times the identity matrix, as Keras's {@code Identity(gain=1.0)}; for a non-square
 * shape, ones on the main diagonal ({@code eye(rows, cols)}).
 */
public final class Identity implements Initializer {
  private final double gain;

  public Identity() {
    this(1.0);
  }

  public Identity(double gain) {
    this.gain = gain;
  }

  public double gain() {
    return gain;
  }

  @Override
  public Tensor apply(int... shape) {
    if (shape.length != 2) {
      throw new IllegalArgumentException(
          "Identity matrix initializer can only be used for 2D matrices. Received: shape="
              + Shapes.toString(shape)
              + " of rank "
              + shape.length
              + ".");
    }
    float[] out = new float[(int) Shapes.size(shape)];
    for (int i = 0; i < Math.min(shape[0], shape[1]); i++) {
      out[i * shape[1] + i] = (float) gain;
    }
    return Tensor.of(out, shape);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("gain", gain);
    return config;
  }

  @Override
  public String className() {
    return "Identity";
  }

  @Override
  public String toString() {
    return "Identity" + getConfig();
  }
}

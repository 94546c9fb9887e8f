package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Rescales its inputs as {@code inputs * scale + offset}, as Keras's {@code Rescaling}: e.g. {@code
 * new Rescaling(1.0 / 255)} maps pixels 0..255 to [0, 1], {@code new Rescaling(1.0 / 127.5)
 * .offset(-1)} to [-1, 1]. Active in training and inference alike; the output has the input's
 * shape.
 */
public class Rescaling extends Layer {
  private final double scale;
  private double offset;

  public Rescaling(double scale) {
    this.scale = finite("scale", scale);
    this.supportsMasking = true;
  }

  /** Added after scaling (default 0). */
  public Rescaling offset(double offset) {
    checkNotBuilt("offset");
    this.offset = finite("offset", offset);
    return this;
  }

  public double scale() {
    return scale;
  }

  public double offset() {
    return offset;
  }

  private static double finite(String argument, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `"
              + argument
              + "` of layer Rescaling. Expected a finite number. Received: "
              + argument
              + "="
              + value);
    }
    return value;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor y = Ops.multiply(inputs.asFloat(), (float) scale);
    return offset == 0 ? y : Ops.add(y, (float) offset);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("scale", scale);
    c.put("offset", offset);
    return c;
  }

  public static Rescaling fromConfig(Config c) {
    Rescaling r = new Rescaling(c.getDouble("scale"));
    r.offset(c.getDouble("offset", 0));
    return r.applyBaseConfig(c, r);
  }
}

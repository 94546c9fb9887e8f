package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Keras 2's {@code ThresholdedReLU}: {@code x} where {@code x > theta}, else 0 (default theta 1.0).
 * Keras 3 dropped the layer ({@code ReLU(threshold=...)} gives {@code theta}, not 0, at {@code x ==
 * theta}); keras4j keeps it so that Keras 2 and TF.js files using it load.
 */
public class ThresholdedReLU extends Layer {
  private double theta = 1.0;

  public ThresholdedReLU() {
    this.supportsMasking = true;
  }

  public ThresholdedReLU(double theta) {
    this();
    theta(theta);
  }

  public ThresholdedReLU theta(double theta) {
    checkNotBuilt("theta");
    if (!(theta >= 0)) {
      throw new IllegalArgumentException(
          "Layer '"
              + name()
              + "' (ThresholdedReLU): theta must be a non-negative number. Received: theta="
              + theta);
    }
    this.theta = theta;
    return this;
  }

  public double theta() {
    return theta;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    Tensor above = Ops.greater(inputs, Tensor.scalar((float) theta));
    return Ops.multiply(inputs, Ops.cast(above, inputs.dtype()));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("theta", theta);
    return c;
  }

  public static ThresholdedReLU fromConfig(Config c) {
    ThresholdedReLU l = new ThresholdedReLU();
    l.theta(c.getDouble("theta", 1.0));
    return l.applyBaseConfig(c, l);
  }
}

package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.activations.Activations;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The rectified linear unit with Keras's options: {@code x} above {@code threshold}, capped at
 * {@code maxValue}, and {@code negativeSlope * (x - threshold)} below the threshold.
 */
public class ReLU extends Layer {
  private Double maxValue;
  private double negativeSlope;
  private double threshold;

  public ReLU() {
    this.supportsMasking = true;
  }

  /** The largest output (none by default). */
  public ReLU maxValue(double maxValue) {
    checkNotBuilt("maxValue");
    if (!(maxValue >= 0)) {
      throw new IllegalArgumentException(
          "max_value of a ReLU layer cannot be a negative value. Received: max_value=" + maxValue);
    }
    this.maxValue = maxValue;
    return this;
  }

  /** The slope below the threshold (0 by default). */
  public ReLU negativeSlope(double negativeSlope) {
    checkNotBuilt("negativeSlope");
    if (!(negativeSlope >= 0)) {
      throw new IllegalArgumentException(
          "negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope="
              + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
    return this;
  }

  /** Values at or below it are "off" (0 by default). */
  public ReLU threshold(double threshold) {
    checkNotBuilt("threshold");
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException(
          "threshold of a ReLU layer cannot be a negative value. Received: threshold=" + threshold);
    }
    this.threshold = threshold;
    return this;
  }

  public Double maxValue() {
    return maxValue;
  }

  public double negativeSlope() {
    return negativeSlope;
  }

  public double threshold() {
    return threshold;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    double cap = maxValue == null ? Double.POSITIVE_INFINITY : maxValue;
    return Activations.relu(inputs, negativeSlope, cap, threshold);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("max_value", maxValue);
    c.put("negative_slope", negativeSlope);
    c.put("threshold", threshold);
    return c;
  }

  public static ReLU fromConfig(Config c) {
    ReLU r = new ReLU();
    if (c.has("max_value")) {
      r.maxValue(c.getDouble("max_value"));
    }
    r.negativeSlope(c.getDouble("negative_slope", 0));
    r.threshold(c.getDouble("threshold", 0));
    return r.applyBaseConfig(c, r);
  }
}

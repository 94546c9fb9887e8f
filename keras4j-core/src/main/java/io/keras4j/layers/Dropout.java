package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Sets a fraction {@code rate} of the inputs to 0 during training and scales the others by {@code
 * 1/(1-rate)}, so that the expected sum is unchanged (inverted dropout); the identity at inference.
 */
public class Dropout extends RandomLayer {
  private final double rate;
  private int[] noiseShape;

  /** {@code rate} in [0, 1], as Keras (a rate of 1 drops everything). */
  public Dropout(double rate) {
    this.rate = unitInterval("Dropout", "rate", rate);
  }

  /**
   * The shape of the binary mask, broadcast over the input (batch axis included; -1 takes the
   * input's size): e.g. {@code (-1, 1, -1)} drops the same features at every timestep.
   */
  public Dropout noiseShape(int... noiseShape) {
    checkNotBuilt("noiseShape");
    for (int i = 0; i < noiseShape.length; i++) {
      if (noiseShape[i] == 0 || noiseShape[i] < -1) {
        throw new IllegalArgumentException(
            "Invalid value received for argument `noise_shape` of layer Dropout. Expected all"
                + " dimensions to be positive integers or -1 (None). Received "
                + noiseShape[i]
                + " at index "
                + i
                + ": noise_shape="
                + Shapes.toString(noiseShape));
      }
    }
    this.noiseShape = noiseShape.clone();
    return this;
  }

  public double rate() {
    return rate;
  }

  @Override
  public Dropout seed(long seed) {
    super.seed(seed);
    return this;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return inputs;
    }
    if (rate == 1) {
      return Ops.multiply(inputs, 0f);
    }
    int[] s = ShapeRefs.of(inputs);
    int[] maskShape = s.clone();
    if (noiseShape != null) {
      if (noiseShape.length != s.length) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (Dropout): noise_shape "
                + Shapes.toString(noiseShape)
                + " must have the rank of the input. Received: input shape "
                + Shapes.toString(s));
      }
      for (int i = 0; i < s.length; i++) {
        maskShape[i] = noiseShape[i] == -1 ? s[i] : noiseShape[i];
      }
    }
    return Ops.multiply(inputs, Noise.dropoutMask(maskShape, 1 - rate, nextSeed()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("noise_shape", noiseShape == null ? null : Config.list(noiseShape));
    return c;
  }

  public static Dropout fromConfig(Config c) {
    Dropout d = new Dropout(c.getDouble("rate"));
    if (c.has("noise_shape")) {
      d.noiseShape(c.getIntArray("noise_shape"));
    }
    return withSeedAndBase(c, d);
  }
}

package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/** {@code x} for {@code x >= 0}, {@code negativeSlope * x} below (default slope 0.3, as Keras). */
public class LeakyReLU extends Layer {
  private double negativeSlope = 0.3;

  public LeakyReLU() {
    this.supportsMasking = true;
  }

  public LeakyReLU negativeSlope(double negativeSlope) {
    checkNotBuilt("negativeSlope");
    if (!(negativeSlope >= 0)) {
      throw new IllegalArgumentException(
          "The negative_slope value of a Leaky ReLU layer cannot be None or negative value."
              + " Expected a float. Received: negative_slope="
              + negativeSlope);
    }
    this.negativeSlope = negativeSlope;
    return this;
  }

  public double negativeSlope() {
    return negativeSlope;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return Ops.leakyRelu(inputs, (float) negativeSlope);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("negative_slope", negativeSlope);
    return c;
  }

  /** Reads Keras 3's {@code negative_slope} or Keras 2's {@code alpha}. */
  public static LeakyReLU fromConfig(Config c) {
    LeakyReLU l = new LeakyReLU();
    // Keras 2 wrote alpha, Keras 3 negative_slope (and takes alpha as its old name).
    double negativeSlope = c.getDouble("negative_slope", 0.3);
    l.negativeSlope(c.has("alpha") ? c.getDouble("alpha") : negativeSlope);
    return l.applyBaseConfig(c, l);
  }
}

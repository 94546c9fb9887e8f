package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Multiplies the inputs by Gaussian noise of mean 1 and standard deviation {@code
 * sqrt(rate/(1-rate))} during training (the variance of dropout at that rate, without zeros); the
 * identity at inference.
 */
public class GaussianDropout extends Layer {
  private final double rate;
  private Long seed;
  private SeedGenerator seedGenerator = new SeedGenerator();

  /** {@code rate} in [0, 1], as Keras. */
  public GaussianDropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `rate` of layer GaussianDropout. Expected a float"
              + " value between 0 and 1. Received: rate="
              + rate);
    }
    this.rate = rate;
    this.supportsMasking = true;
  }

  public GaussianDropout seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return this;
  }

  public double rate() {
    return rate;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return inputs;
    }
    double stddev = Math.sqrt(rate / (1.0 - rate));
    return Ops.multiply(inputs, Noise.normal(inputs.shapeRef(), 1, stddev, seedGenerator.next()));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    c.put("seed", seed);
    return c;
  }

  public static GaussianDropout fromConfig(Config c) {
    GaussianDropout g = new GaussianDropout(c.getDouble("rate"));
    if (c.has("seed")) {
      g.seed(((Number) c.get("seed")).longValue());
    }
    return g.applyBaseConfig(c, g);
  }
}

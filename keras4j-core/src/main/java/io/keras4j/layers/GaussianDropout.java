package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Multiplies the inputs by Gaussian noise of mean 1 and standard deviation {@code
 * sqrt(rate/(1-rate))} during training (the variance of dropout at that rate, without zeros); the
 * identity at inference.
 */
public class GaussianDropout extends RandomLayer {
  private final double rate;

  /** {@code rate} in [0, 1], as Keras. */
  public GaussianDropout(double rate) {
    this.rate = unitInterval("GaussianDropout", "rate", rate);
  }

  public double rate() {
    return rate;
  }

  @Override
  public GaussianDropout seed(long seed) {
    super.seed(seed);
    return this;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return inputs;
    }
    double stddev = Math.sqrt(rate / (1.0 - rate));
    return Ops.multiply(inputs, Noise.normal(ShapeRefs.of(inputs), 1, stddev, nextSeed()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("rate", rate);
    return c;
  }

  public static GaussianDropout fromConfig(Config c) {
    return withSeedAndBase(c, new GaussianDropout(c.getDouble("rate")));
  }
}

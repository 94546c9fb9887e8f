package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/** Adds zero-centered Gaussian noise during training (a regularizer); the identity at inference. */
public class GaussianNoise extends RandomLayer {
  private final double stddev;

  /** {@code stddev} in [0, 1], as Keras. */
  public GaussianNoise(double stddev) {
    this.stddev = unitInterval("GaussianNoise", "stddev", stddev);
  }

  public double stddev() {
    return stddev;
  }

  @Override
  public GaussianNoise seed(long seed) {
    super.seed(seed);
    return this;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (!ctx.training() || stddev == 0) {
      return inputs;
    }
    return Ops.add(inputs, Noise.normal(ShapeRefs.of(inputs), 0, stddev, nextSeed()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("stddev", stddev);
    return c;
  }

  public static GaussianNoise fromConfig(Config c) {
    return withSeedAndBase(c, new GaussianNoise(c.getDouble("stddev")));
  }
}

package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.Map;

/** Adds zero-centered Gaussian noise during training (a regularizer); the identity at inference. */
public class GaussianNoise extends Layer {
  private final double stddev;
  private Long seed;
  private SeedGenerator seedGenerator = new SeedGenerator();

  /** {@code stddev} in [0, 1], as Keras. */
  public GaussianNoise(double stddev) {
    if (!(stddev >= 0 && stddev <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `stddev` of layer GaussianNoise. Expected a float"
              + " value between 0 and 1. Received: stddev="
              + stddev);
    }
    this.stddev = stddev;
    this.supportsMasking = true;
  }

  public GaussianNoise seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return this;
  }

  public double stddev() {
    return stddev;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (!ctx.training() || stddev == 0) {
      return inputs;
    }
    return Ops.add(inputs, Noise.normal(inputs.shapeRef(), 0, stddev, seedGenerator.next()));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("stddev", stddev);
    c.put("seed", seed);
    return c;
  }

  public static GaussianNoise fromConfig(Config c) {
    GaussianNoise g = new GaussianNoise(c.getDouble("stddev"));
    if (c.has("seed")) {
      g.seed(((Number) c.get("seed")).longValue());
    }
    return g.applyBaseConfig(c, g);
  }
}

package io.keras4j.layers;

import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Base of the layers that draw random numbers in training (dropout and noise): a seed option whose
 * generator gives each call a fresh seed, so that a fixed seed (or {@code Keras.setRandomSeed})
 * repeats the same sequence; masks pass through, and the output shape is the input's.
 */
public abstract class RandomLayer extends Layer {
  private Long seed;
  private SeedGenerator seedGenerator = new SeedGenerator();

  protected RandomLayer() {
    this.supportsMasking = true;
  }

  /** Checks an argument that must lie in [0, 1], naming the layer and the argument. */
  protected static double unitInterval(String layer, String argument, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `"
              + argument
              + "` of layer "
              + layer
              + ". Expected a float value between 0 and 1. Received: "
              + argument
              + "="
              + value);
    }
    return value;
  }

  /** A fixed seed: the same seed gives the same sequence of random tensors. */
  public RandomLayer seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return this;
  }

  /** The seed of the next random tensor. */
  protected final long nextSeed() {
    return seedGenerator.next();
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("seed", seed);
    return c;
  }

  /** Reads the seed and the base options of a config (every subclass's fromConfig). */
  protected static <L extends RandomLayer> L withSeedAndBase(Config c, L layer) {
    if (c.has("seed")) {
      layer.seed(((Number) c.get("seed")).longValue());
    }
    return layer.applyBaseConfig(c, layer);
  }
}

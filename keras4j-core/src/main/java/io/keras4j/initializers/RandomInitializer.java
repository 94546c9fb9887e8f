package io.keras4j.initializers;

import io.keras4j.random.SeedGenerator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of the random initializers, with Keras 3's seed semantics: the seed is fixed for the life of
 * the initializer, so every call returns the same values. A seed given to the constructor is used
 * as is; without one, a seed is drawn from the global stream when the initializer is made, so that
 * {@code Keras.setRandomSeed(s)} before building a model makes its weights reproducible. Use
 * distinct instances for distinct weights (as Keras's string names do).
 */
public abstract class RandomInitializer implements Initializer {
  private final Long seed;
  private final long drawnSeed;

  /**
   * @param seed the seed, or null to draw one from the global stream
   */
  protected RandomInitializer(Long seed) {
    this.seed = seed;
    this.drawnSeed = seed != null ? seed : SeedGenerator.nextGlobal();
  }

  /** The seed as given, or null when the initializer was made unseeded. */
  public Long seed() {
    return seed;
  }

  /** The seed the values are drawn with (given or drawn at construction). */
  protected long effectiveSeed() {
    return drawnSeed;
  }

  /** {@code {"seed": ...}} followed by the subclass's arguments, in Keras's order. */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("seed", seed);
    addConfig(config);
    return config;
  }

  /** Adds the subclass's own arguments after the seed. */
  protected abstract void addConfig(Map<String, Object> config);

  @Override
  public String toString() {
    return className() + getConfig();
  }
}

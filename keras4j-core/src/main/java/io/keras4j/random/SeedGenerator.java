package io.keras4j.random;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream of seeds, as Keras's {@code keras.random.SeedGenerator}. A generator made without a seed
 * draws its seed from the global generator, which {@code Keras.setRandomSeed} resets: the same
 * global seed then gives the same weights, shuffles and dropout masks.
 */
public final class SeedGenerator {
  private static final AtomicLong GLOBAL = new AtomicLong(System.nanoTime());

  private final AtomicLong state;

  /** A generator with a fixed seed. */
  public SeedGenerator(long seed) {
    this.state = new AtomicLong(seed);
  }

  /** A generator seeded from the global generator. */
  public SeedGenerator() {
    this(nextGlobal());
  }

  /** The next seed of this stream. */
  public long next() {
    return mix(state.getAndAdd(0x9E3779B97F4A7C15L));
  }

  /** Resets the global generator (called by {@code Keras.setRandomSeed}). */
  public static void setGlobalSeed(long seed) {
    GLOBAL.set(seed);
  }

  /** The next seed of the global stream. */
  public static long nextGlobal() {
    return mix(GLOBAL.getAndAdd(0x9E3779B97F4A7C15L));
  }

  /** The splitmix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

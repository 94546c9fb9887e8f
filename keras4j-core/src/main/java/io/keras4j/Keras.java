package io.keras4j;

import io.keras4j.backend.Backend;
import io.keras4j.random.SeedGenerator;

/** Process-wide settings, as Keras's {@code keras.utils} and {@code keras.config}. */
public final class Keras {
  private Keras() {}

  /**
   * Seeds every source of randomness of keras4j (initializers, shuffling, dropout, noise), as
   * {@code keras.utils.set_random_seed}: the same seed gives the same weights and results.
   */
  public static void setRandomSeed(long seed) {
    SeedGenerator.setGlobalSeed(seed);
  }

  /** Number of threads the kernels use. */
  public static void setThreads(int threads) {
    Backend.current().setThreads(threads);
  }

  /** Forgets the automatic layer names given so far, as {@code keras.backend.clear_session()}. */
  public static void clearSession() {
    io.keras4j.internal.Naming.reset();
  }
}

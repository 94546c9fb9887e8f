package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keras4j.Keras;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Keras 3's seed semantics for every random initializer. */
class SeedingTest {
  private static final int[] SHAPE = {7, 5};

  /** Each random initializer, seeded and unseeded. */
  private static final List<Function<Long, Initializer>> SEEDED =
      List.of(
          s -> new RandomNormal(0, 1, s),
          s -> new RandomUniform(-1, 1, s),
          s -> new TruncatedNormal(0, 1, s),
          s -> new VarianceScaling(1, "fan_avg", "uniform", s),
          s -> new GlorotUniform(s),
          s -> new GlorotNormal(s),
          s -> new HeUniform(s),
          s -> new HeNormal(s),
          s -> new LecunUniform(s),
          s -> new LecunNormal(s),
          s -> new Orthogonal(1, s));

  private static final List<Supplier<Initializer>> UNSEEDED =
      List.of(
          RandomNormal::new,
          RandomUniform::new,
          TruncatedNormal::new,
          VarianceScaling::new,
          GlorotUniform::new,
          GlorotNormal::new,
          HeUniform::new,
          HeNormal::new,
          LecunUniform::new,
          LecunNormal::new,
          Orthogonal::new);

  @Test
  void aSeedGivesTheSameValuesOnEveryCallAndInstance() {
    for (Function<Long, Initializer> make : SEEDED) {
      Initializer a = make.apply(42L);
      float[] first = a.apply(SHAPE).toFloatArray();
      assertArrayEquals(first, a.apply(SHAPE).toFloatArray(), a.className());
      assertArrayEquals(first, make.apply(42L).apply(SHAPE).toFloatArray(), a.className());
      assertFalse(Arrays.equals(first, make.apply(43L).apply(SHAPE).toFloatArray()), a.className());
      assertEquals(42L, a.getConfig().get("seed"), a.className());
    }
  }

  @Test
  void unseededInitializersDrawTheirSeedFromTheGlobalStream() {
    for (Supplier<Initializer> make : UNSEEDED) {
      Keras.setRandomSeed(2024);
      Initializer a = make.get();
      Initializer b = make.get();
      float[] va = a.apply(SHAPE).toFloatArray();
      // Keras 3: an unseeded initializer repeats itself; distinct instances differ.
      assertArrayEquals(va, a.apply(SHAPE).toFloatArray(), a.className());
      assertFalse(Arrays.equals(va, b.apply(SHAPE).toFloatArray()), a.className());
      // The global seed makes the sequence of instances reproducible.
      Keras.setRandomSeed(2024);
      assertArrayEquals(va, make.get().apply(SHAPE).toFloatArray(), a.className());
      assertNull(a.getConfig().get("seed"), a.className());
    }
  }
}

package io.keras4j.layers;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;

/**
 * The activations of recurrent configs. Keras 2 and TF.js wrote {@code hard_sigmoid} for {@code
 * clip(0.2x + 0.5, 0, 1)} (Keras 2's default recurrent activation), while Keras 3's {@code
 * hard_sigmoid} is {@code relu6(x + 3) / 6}: a config with Keras 2's {@code implementation} key
 * (which Keras 3 does not write) reads {@code hard_sigmoid} as Keras 2's formula, so that those
 * models keep their numbers.
 */
final class RnnActivations {
  /** Keras 2's hard sigmoid, {@code clip(0.2x + 0.5, 0, 1)}. */
  static final ActivationFunction KERAS2_HARD_SIGMOID =
      ActivationFunction.of(
          "hard_sigmoid", x -> Ops.clip(Ops.add(Ops.multiply(x, 0.2f), 0.5f), 0f, 1f));

  private RnnActivations() {}

  /** Whether a config was written by Keras 2 or TF.js (they write {@code implementation}). */
  static boolean isLegacy(Config c) {
    c.get("implementation");
    return c.asMap().containsKey("implementation");
  }

  static ActivationFunction read(Config c, String key, String dflt) {
    ActivationFunction f = c.activation(key, dflt);
    if (isLegacy(c) && "hard_sigmoid".equals(f.name())) {
      return KERAS2_HARD_SIGMOID;
    }
    return f;
  }

  static String serialize(ActivationFunction f) {
    return f == KERAS2_HARD_SIGMOID ? "hard_sigmoid" : Activations.serialize(f);
  }
}

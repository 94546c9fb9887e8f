package io.keras4j.optimizers;

import io.keras4j.optimizers.schedules.LearningRateSchedules;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the arguments every Keras optimizer config carries (the base class's). */
final class BaseConfig {
  private static final List<String> KEYS =
      List.of(
          "name",
          "learning_rate",
          "weight_decay",
          "clipnorm",
          "global_clipnorm",
          "clipvalue",
          "use_ema",
          "ema_momentum",
          "ema_overwrite_frequency",
          "loss_scale_factor",
          "gradient_accumulation_steps",
          // Keras 3 accepts and ignores Keras 2's "decay" (with a warning).
          "decay");

  private BaseConfig() {}

  /** The common keys followed by an optimizer's own. */
  static String[] keys(String... own) {
    List<String> all = new ArrayList<>(KEYS);
    all.addAll(List.of(own));
    return all.toArray(new String[0]);
  }

  /** Applies the common arguments of {@code c} to {@code o}. */
  @SuppressWarnings("unchecked")
  static <T extends Optimizer> T read(T o, Config c) {
    if (c.has("name")) {
      o.name(c.getString("name"));
    }
    Object lr = c.get("learning_rate");
    if (lr instanceof Map<?, ?> m) {
      o.setLearningRate(LearningRateSchedules.deserialize((Map<String, ?>) m));
    } else if (lr != null) {
      o.setLearningRate(c.getDouble("learning_rate"));
    }
    if (c.has("weight_decay")) {
      o.weightDecay(c.getDouble("weight_decay"));
    }
    if (c.has("clipnorm")) {
      o.clipnorm(c.getDouble("clipnorm"));
    }
    if (c.has("global_clipnorm")) {
      o.globalClipnorm(c.getDouble("global_clipnorm"));
    }
    if (c.has("clipvalue")) {
      o.clipvalue(c.getDouble("clipvalue"));
    }
    if (c.getBoolean("use_ema", false)) {
      throw unsupported(c, "use_ema");
    }
    if (c.has("loss_scale_factor")) {
      throw unsupported(c, "loss_scale_factor");
    }
    if (c.has("gradient_accumulation_steps")) {
      throw unsupported(c, "gradient_accumulation_steps");
    }
    return o;
  }

  private static IllegalArgumentException unsupported(Config c, String key) {
    return new IllegalArgumentException(
        c.className()
            + ": "
            + key
            + " is not supported by keras4j yet; leave it at its default. Received: "
            + key
            + "="
            + c.get(key));
  }
}

package io.keras4j.optimizers;

import io.keras4j.optimizers.schedules.LearningRateSchedules;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the arguments every Keras optimizer config carries (the base class's). */
final class BaseConfig {
  private static final System.Logger LOG = System.getLogger(BaseConfig.class.getName());
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
          // Keras 3 accepts and ignores Keras 2's "decay" (with a warning). Keras 2 files also
          // carry "lr" (the old name of learning_rate) and, from 2.11, "jit_compile" and
          // "is_legacy_optimizer": read leniently so that their optimizers load.
          "decay",
          "lr",
          "jit_compile",
          "is_legacy_optimizer");

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
    String rateKey = c.has("learning_rate") || !c.has("lr") ? "learning_rate" : "lr";
    Object lr = c.get(rateKey);
    if (lr instanceof Map<?, ?> m) {
      o.setLearningRate(LearningRateSchedules.deserialize((Map<String, ?>) m));
    } else if (lr != null) {
      o.setLearningRate(c.getDouble(rateKey));
    }
    if (c.has("decay") && c.getDouble("decay") != 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0}: argument decay is no longer supported and will be ignored. Received: decay={1}",
          c.className(),
          c.get("decay"));
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

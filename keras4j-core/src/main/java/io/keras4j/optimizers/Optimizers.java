package io.keras4j.optimizers;

import io.keras4j.internal.Registry;
import io.keras4j.internal.SerializedObject;
import java.util.Map;
import java.util.Set;

/**
 * Optimizers by Keras name and from Keras JSON, as {@code keras.optimizers.get}, {@code serialize}
 * and {@code deserialize}. Names are matched without regard to case, as Keras does for its built-in
 * optimizers ({@code "adam"}, {@code "Adam"}, {@code "RMSprop"}, {@code "rmsprop"}).
 */
public final class Optimizers {
  /** The module Keras 3 writes for its optimizers. */
  public static final String MODULE = "keras.optimizers";

  private static final Registry<Optimizer> REGISTRY =
      new Registry<Optimizer>("optimizer")
          .add("SGD", SGD::fromConfig, "sgd")
          .add("Adam", Adam::fromConfig, "adam")
          .add("AdamW", AdamW::fromConfig, "adamw")
          .add("Adadelta", Adadelta::fromConfig, "adadelta")
          .add("Adagrad", Adagrad::fromConfig, "adagrad")
          .add("Adamax", Adamax::fromConfig, "adamax")
          .add("Ftrl", Ftrl::fromConfig, "ftrl")
          .add("Nadam", Nadam::fromConfig, "nadam")
          .add("RMSprop", RMSprop::fromConfig, "rmsprop")
          .add("Lion", Lion::fromConfig, "lion");

  private Optimizers() {}

  /** A new optimizer with Keras's defaults: "sgd", "adam", "rmsprop", "Adam", ... */
  public static Optimizer get(String name) {
    return REGISTRY.create(canonical(name), Map.of(), "optimizer");
  }

  /** An optimizer from Keras 3 or Keras 2 JSON ({@code class_name} and {@code config}). */
  public static Optimizer deserialize(Map<String, ?> config) {
    SerializedObject s = SerializedObject.parse("optimizer", config);
    return REGISTRY.create(canonical(s.className()), s.config(), "class_name");
  }

  /** Keras 3's JSON form of an optimizer. */
  public static Map<String, Object> serialize(Optimizer optimizer) {
    return SerializedObject.builtin(MODULE, optimizer.className(), optimizer.getConfig()).toMap();
  }

  /** Every name {@link #get} accepts (other spellings differ only in case). */
  public static Set<String> names() {
    return REGISTRY.names();
  }

  private static String canonical(String name) {
    if (name == null) {
      return null;
    }
    // tf.keras 2.11 to 2.15 wrote its new optimizers as "Custom>Adam".
    String bare = name.startsWith("Custom>") ? name.substring("Custom>".length()) : name;
    if (REGISTRY.contains(bare)) {
      return bare;
    }
    for (String known : REGISTRY.names()) {
      if (known.equalsIgnoreCase(bare)) {
        return known;
      }
    }
    return name;
  }
}

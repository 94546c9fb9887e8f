package io.keras4j.constraints;

import io.keras4j.internal.Registry;
import io.keras4j.internal.SerializedObject;
import io.keras4j.saving.Config;
import java.util.Map;
import java.util.Set;

/**
 * Constraints by Keras name and from Keras JSON, as {@code keras.constraints.get}, {@code
 * deserialize} and {@code serialize}. Names: the class names, their snake_case forms ({@code
 * "max_norm"}, {@code "non_neg"}, {@code "unit_norm"}, {@code "min_max_norm"}) and Keras 2's {@code
 * "maxnorm"}, {@code "nonneg"}, {@code "unitnorm"}.
 */
public final class Constraints {
  /** The module Keras 3 writes for its constraints. */
  public static final String MODULE = "keras.constraints";

  private static final int[] AXIS_0 = {0};

  private static final Registry<Constraint> REGISTRY =
      new Registry<Constraint>("constraint")
          .add("MaxNorm", Constraints::maxNorm, "max_norm", "maxnorm")
          .add(
              "NonNeg",
              c -> {
                c.allowOnly();
                return new NonNeg();
              },
              "non_neg",
              "nonneg")
          .add("UnitNorm", c -> new UnitNorm(axes(c.allowOnly("axis"))), "unit_norm", "unitnorm")
          .add("MinMaxNorm", Constraints::minMaxNorm, "min_max_norm");

  private Constraints() {}

  /**
   * A constraint with Keras's defaults from a name; unknown names throw, suggesting the closest.
   */
  public static Constraint get(String name) {
    return REGISTRY.create(name, Map.of(), "constraint");
  }

  /** A constraint from Keras 3, Keras 2 or TF.js JSON. */
  public static Constraint deserialize(Map<String, ?> config) {
    SerializedObject s = SerializedObject.parse("constraint", config);
    return REGISTRY.create(s.className(), s.config(), "class_name");
  }

  /** Keras 3's JSON form of a constraint. */
  public static Map<String, Object> serialize(Constraint constraint) {
    return SerializedObject.builtin(MODULE, constraint.className(), constraint.getConfig()).toMap();
  }

  /** Every name {@link #get} accepts. */
  public static Set<String> names() {
    return REGISTRY.names();
  }

  /** The axis argument: absent means 0, null means all axes (passed on as no axes). */
  private static int[] axes(Config c) {
    int[] axes = c.getInts("axis", AXIS_0);
    return axes == null ? new int[0] : axes;
  }

  private static Constraint maxNorm(Config c) {
    c.allowOnly("max_value", "axis");
    return new MaxNorm(c.getDouble("max_value", 2.0), axes(c));
  }

  private static Constraint minMaxNorm(Config c) {
    c.allowOnly("min_value", "max_value", "rate", "axis");
    return new MinMaxNorm(
        c.getDouble("min_value", 0.0),
        c.getDouble("max_value", 1.0),
        c.getDouble("rate", 1.0),
        axes(c));
  }
}

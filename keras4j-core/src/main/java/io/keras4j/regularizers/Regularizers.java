package io.keras4j.regularizers;

import io.keras4j.internal.Registry;
import io.keras4j.internal.SerializedObject;
import io.keras4j.saving.Config;
import java.util.Map;
import java.util.Set;

/**
 * Regularizers by factory method, by Keras name and from Keras JSON, as {@code keras.regularizers}:
 * {@code Regularizers.l2(0.001)} for {@code keras.regularizers.l2(0.001)}.
 */
public final class Regularizers {
  /** The module Keras 3 writes for its regularizers. */
  public static final String MODULE = "keras.regularizers";

  private static final Registry<Regularizer> REGISTRY =
      new Registry<Regularizer>("regularizer")
          .add("L1", c -> new L1(c.allowOnly("l1").getDouble("l1", 0.01)), "l1")
          .add("L2", c -> new L2(c.allowOnly("l2").getDouble("l2", 0.01)), "l2")
          .add("L1L2", c -> l1l2(c, 0.0), "l1l2")
          // Keras documents "l1_l2" as 0.01 and 0.01 (Keras 2's l1_l2 function), unlike L1L2().
          .add("l1_l2", c -> l1l2(c, 0.01))
          .add("OrthogonalRegularizer", Regularizers::orthogonal, "orthogonal_regularizer");

  private Regularizers() {}

  /** {@code l1 * sum(|w|)}. */
  public static Regularizer l1(double l1) {
    return new L1(l1);
  }

  /** {@code l2 * sum(w^2)}. */
  public static Regularizer l2(double l2) {
    return new L2(l2);
  }

  /** {@code l1 * sum(|w|) + l2 * sum(w^2)}. */
  public static Regularizer l1L2(double l1, double l2) {
    return new L1L2(l1, l2);
  }

  /** Keras's {@code OrthogonalRegularizer(factor=0.01, mode="rows")}. */
  public static Regularizer orthogonal() {
    return new OrthogonalRegularizer();
  }

  /** Orthogonality of the rows ({@code "rows"}) or columns ({@code "columns"}). */
  public static Regularizer orthogonal(double factor, String mode) {
    return new OrthogonalRegularizer(factor, mode);
  }

  /**
   * A regularizer with Keras's defaults from a name: {@code "l1"} and {@code "l2"} (0.01), {@code
   * "L1L2"} / {@code "l1l2"} (0 and 0, Keras 3's class defaults), {@code "l1_l2"} (0.01 and 0.01,
   * the function Keras documents for this name), {@code "orthogonal_regularizer"}. Unknown names
   * throw, suggesting the closest.
   */
  public static Regularizer get(String name) {
    return REGISTRY.create(name, Map.of(), "regularizer");
  }

  /** A regularizer from Keras 3, Keras 2 or TF.js JSON. */
  public static Regularizer deserialize(Map<String, ?> config) {
    SerializedObject s = SerializedObject.parse("regularizer", config);
    return REGISTRY.create(s.className(), s.config(), "class_name");
  }

  /** Keras 3's JSON form of a regularizer. */
  public static Map<String, Object> serialize(Regularizer regularizer) {
    return SerializedObject.builtin(MODULE, regularizer.className(), regularizer.getConfig())
        .toMap();
  }

  /** Every name {@link #get} accepts. */
  public static Set<String> names() {
    return REGISTRY.names();
  }

  private static Regularizer l1l2(Config c, double defaults) {
    c.allowOnly("l1", "l2");
    return new L1L2(c.getDouble("l1", defaults), c.getDouble("l2", defaults));
  }

  private static Regularizer orthogonal(Config c) {
    c.allowOnly("factor", "mode");
    return new OrthogonalRegularizer(c.getDouble("factor", 0.01), c.getString("mode", "rows"));
  }
}

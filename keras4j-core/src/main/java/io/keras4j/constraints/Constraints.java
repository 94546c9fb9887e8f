package io.keras4j.constraints;

import java.util.Map;

/** Placeholder registry (replaced by the full catalogue). */
public final class Constraints {
  private Constraints() {}

  public static Constraint get(String name) {
    throw new IllegalArgumentException("Unknown constraint. Received: constraint=" + name);
  }

  public static Constraint deserialize(Map<String, Object> config) {
    throw new IllegalArgumentException("Unknown constraint. Received: " + config);
  }

  public static Map<String, Object> serialize(Constraint c) {
    throw new UnsupportedOperationException();
  }
}

package io.keras4j.regularizers;

import java.util.Map;

/** Placeholder registry (replaced by the full catalogue). */
public final class Regularizers {
  private Regularizers() {}

  public static Regularizer get(String name) {
    throw new IllegalArgumentException("Unknown regularizer. Received: regularizer=" + name);
  }

  public static Regularizer deserialize(Map<String, Object> config) {
    throw new IllegalArgumentException("Unknown regularizer. Received: " + config);
  }

  public static Map<String, Object> serialize(Regularizer r) {
    throw new UnsupportedOperationException();
  }
}

package io.keras4j.internal;

import java.util.HashMap;
import java.util.Map;

/** Unique automatic names as Keras gives them: {@code dense}, {@code dense_1}, {@code dense_2}. */
public final class Naming {
  private static final Map<String, Integer> COUNTS = new HashMap<>();

  private Naming() {}

  /** The next unique name for a prefix. */
  public static synchronized String uniqueName(String prefix) {
    int n = COUNTS.merge(prefix, 1, Integer::sum);
    return n == 1 ? prefix : prefix + "_" + (n - 1);
  }

  /**
   * Keras's snake_case of a class name: {@code LeakyReLU -> leaky_re_lu}, {@code Conv2D -> conv2d}.
   */
  public static String toSnakeCase(String name) {
    String s = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  public static synchronized void reset() {
    COUNTS.clear();
  }
}

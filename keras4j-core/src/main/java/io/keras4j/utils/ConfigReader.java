package io.keras4j.utils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of a Keras {@code config} dictionary (as parsed from JSON: numbers may come as
 * Integer, Long or Double, absent and {@code null} both mean "use the default"). Errors name the
 * object, the key and the value received.
 */
public final class ConfigReader {
  private final String owner;
  private final Map<String, ?> config;

  /**
   * @param owner the class name the config belongs to, used in error messages
   * @param config the config; null reads as empty
   */
  public ConfigReader(String owner, Map<String, ?> config) {
    this.owner = owner;
    this.config = config == null ? Map.of() : config;
  }

  public String owner() {
    return owner;
  }

  /** Whether the key is present with a non-null value. */
  public boolean has(String key) {
    return config.get(key) != null;
  }

  /**
   * Rejects keys other than {@code allowed}, as Keras's {@code cls(**config)} does, suggesting the
   * closest allowed key for a misspelt one.
   */
  public ConfigReader allowOnly(String... allowed) {
    Set<String> ok = new LinkedHashSet<>(List.of(allowed));
    for (String key : config.keySet()) {
      if (!ok.contains(key)) {
        throw new IllegalArgumentException(
            "Unrecognized argument '"
                + key
                + "' in the config of "
                + owner
                + "; expected one of "
                + ok
                + "."
                + Suggest.didYouMean(key, ok)
                + " Received: "
                + key
                + "="
                + config.get(key));
      }
    }
    return this;
  }

  public double getDouble(String key, double defaultValue) {
    Object v = config.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw invalid(key, "a number", v);
  }

  public int getInt(String key, int defaultValue) {
    Object v = config.get(key);
    return v == null ? defaultValue : toInt(key, v);
  }

  /** An integer that may be absent (null), such as a seed. */
  public Long getLong(String key) {
    Object v = config.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw invalid(key, "an integer or null", v);
  }

  public String getString(String key, String defaultValue) {
    Object v = config.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof String s) {
      return s;
    }
    throw invalid(key, "a string", v);
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    Object v = config.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw invalid(key, "a boolean", v);
  }

  /**
   * An int or a list of ints (Keras's {@code axis=0} or {@code axis=[0, 1, 2]}). Returns {@code
   * defaultValue} when the key is absent and null when it is present as {@code null}.
   */
  public int[] getInts(String key, int[] defaultValue) {
    if (!config.containsKey(key)) {
      return defaultValue;
    }
    Object v = config.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> list) {
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = toInt(key, list.get(i));
      }
      return out;
    }
    if (v instanceof int[] a) {
      return a.clone();
    }
    return new int[] {toInt(key, v)};
  }

  private int toInt(String key, Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw invalid(key, "an integer", v);
  }

  private IllegalArgumentException invalid(String key, String expected, Object v) {
    return new IllegalArgumentException(
        "Invalid config for "
            + owner
            + ": expected "
            + expected
            + " for '"
            + key
            + "'. Received: "
            + key
            + "="
            + render(v));
  }

  private static String render(Object v) {
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(render(o));
      }
      return parts.toString();
    }
    return String.valueOf(v);
  }
}

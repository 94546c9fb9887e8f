package io.keras4j.saving;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.internal.Suggest;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Keras config: the snake_case constructor arguments of a layer, initializer, regularizer, ...,
 * as parsed from JSON (numbers may come as Integer, Long or Double; an absent key and {@code null}
 * both mean "use the default"). Typed getters name the class, the key and the value when a value
 * has the wrong type; the catalogue getters resolve nested activations, initializers, regularizers
 * and constraints.
 */
public final class Config {
  private final String className;
  private final Map<String, Object> values;

  /** Every key asked for (present or not): what the reader knows, for the unknown-key check. */
  private final Set<String> asked = new LinkedHashSet<>();

  /**
   * @param className the class the config belongs to, used in error messages
   * @param values the config; null reads as empty
   */
  @SuppressWarnings("unchecked")
  public Config(String className, Map<String, ?> values) {
    this.className = className;
    this.values = values == null ? Map.of() : (Map<String, Object>) values;
  }

  public String className() {
    return className;
  }

  /** The raw config; reading through it does not count as asking for a key. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** Whether the key is present with a non-null value. */
  public boolean has(String key) {
    return raw(key) != null;
  }

  public Object get(String key) {
    return raw(key);
  }

  /** The keys asked for so far (by any getter, {@link #has} included), in the order asked. */
  public Set<String> askedKeys() {
    return Collections.unmodifiableSet(asked);
  }

  /** The keys of the config nobody asked for, in the config's order. */
  public List<String> unaskedKeys() {
    List<String> out = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!asked.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  private Object raw(String key) {
    asked.add(key);
    return values.get(key);
  }

  /**
   * Rejects keys other than {@code allowed}, as Keras's {@code cls(**config)} does, suggesting the
   * closest allowed key for a misspelt one.
   */
  public Config allowOnly(String... allowed) {
    Set<String> ok = new LinkedHashSet<>(List.of(allowed));
    asked.addAll(ok);
    for (String key : values.keySet()) {
      if (!ok.contains(key)) {
        throw new IllegalArgumentException(
            "Unrecognized argument '"
                + key
                + "' in the config of "
                + className
                + "; expected one of "
                + ok
                + "."
                + Suggest.didYouMean(key, ok)
                + " Received: "
                + key
                + "="
                + values.get(key));
      }
    }
    return this;
  }

  public int getInt(String key) {
    return toInt(key, require(key));
  }

  public int getInt(String key, int dflt) {
    return has(key) ? getInt(key) : dflt;
  }

  /** An integer that may be absent (null), such as a seed. */
  public Long getLong(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw invalid(key, "an integer or null", v);
  }

  public double getDouble(String key) {
    Object v = require(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw invalid(key, "a number", v);
  }

  public double getDouble(String key, double dflt) {
    return has(key) ? getDouble(key) : dflt;
  }

  public boolean getBoolean(String key, boolean dflt) {
    Object v = raw(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw invalid(key, "a boolean", v);
  }

  public String getString(String key) {
    Object v = require(key);
    if (v instanceof String s) {
      return s;
    }
    throw invalid(key, "a string", v);
  }

  public String getString(String key, String dflt) {
    return has(key) ? getString(key) : dflt;
  }

  /**
   * A shape: a list of integers, null entries (Keras's None) read as -1; one integer is a list of
   * one.
   */
  public int[] getIntArray(String key) {
    Object v = require(key);
    if (v instanceof List<?> l) {
      int[] out = new int[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = l.get(i) == null ? -1 : toInt(key, l.get(i));
      }
      return out;
    }
    return new int[] {toInt(key, v)};
  }

  public int[] getIntArray(String key, int[] dflt) {
    return has(key) ? getIntArray(key) : dflt;
  }

  /**
   * Axes: an int or a list of ints (Keras's {@code axis=0} or {@code axis=[0, 1, 2]}). Returns
   * {@code dflt} when the key is absent and null when it is present as {@code null}.
   */
  public int[] getInts(String key, int[] dflt) {
    asked.add(key);
    if (!values.containsKey(key)) {
      return dflt;
    }
    return raw(key) == null ? null : getIntArray(key);
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> getMap(String key) {
    Object v = require(key);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw invalid(key, "an object", v);
  }

  @SuppressWarnings("unchecked")
  public List<Object> getList(String key) {
    Object v = require(key);
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw invalid(key, "a list", v);
  }

  /** An activation given as a name or as Keras 3's serialized function. */
  public ActivationFunction activation(String key, String dflt) {
    Object v = raw(key);
    if (v == null) {
      return Activations.get(dflt);
    }
    if (v instanceof String s) {
      return Activations.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      Object inner = m.get("config");
      if (inner instanceof String s) {
        return Activations.get(s);
      }
      Object cls = m.get("class_name");
      if (cls instanceof String s) {
        return Activations.get(s);
      }
    }
    throw invalid(key, "an activation name", v);
  }

  @SuppressWarnings("unchecked")
  public Initializer initializer(String key, String dflt) {
    Object v = raw(key);
    if (v == null) {
      return Initializers.get(dflt);
    }
    if (v instanceof String s) {
      return Initializers.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      return Initializers.deserialize((Map<String, Object>) m);
    }
    throw invalid(key, "an initializer", v);
  }

  @SuppressWarnings("unchecked")
  public Regularizer regularizer(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return Regularizers.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      return Regularizers.deserialize((Map<String, Object>) m);
    }
    throw invalid(key, "a regularizer", v);
  }

  @SuppressWarnings("unchecked")
  public Constraint constraint(String key) {
    Object v = raw(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return Constraints.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      return Constraints.deserialize((Map<String, Object>) m);
    }
    throw invalid(key, "a constraint", v);
  }

  private Object require(String key) {
    Object v = raw(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "Invalid config for "
              + className
              + ": the required key '"
              + key
              + "' is missing."
              + Suggest.closest(key, values.keySet())
                  .map(k -> " The config has '" + k + "': a misspelling?")
                  .orElse("")
              + " Received: "
              + values);
    }
    return v;
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
            + className
            + ": expected "
            + expected
            + " for '"
            + key
            + "'. Received: "
            + key
            + "="
            + (v instanceof String str ? "'" + str + "'" : String.valueOf(v)));
  }

  /** An int array as a JSON list. */
  public static List<Object> list(int[] values) {
    List<Object> l = new ArrayList<>(values.length);
    for (int v : values) {
      l.add(v < 0 ? null : v);
    }
    return l;
  }
}

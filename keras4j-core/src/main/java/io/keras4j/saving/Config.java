package io.keras4j.saving;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.constraints.Constraint;
import io.keras4j.constraints.Constraints;
import io.keras4j.initializers.Initializer;
import io.keras4j.initializers.Initializers;
import io.keras4j.regularizers.Regularizer;
import io.keras4j.regularizers.Regularizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's (or any object's) Keras config: the snake_case arguments of its constructor, read with
 * typed getters that name the key and the class when a value has the wrong type. Values are plain
 * JSON values (String, Number, Boolean, List, Map, null).
 */
public final class Config {
  private final String className;
  private final Map<String, Object> values;

  public Config(String className, Map<String, Object> values) {
    this.className = className;
    this.values = values == null ? new LinkedHashMap<>() : values;
  }

  public String className() {
    return className;
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.get(key) != null;
  }

  public Object get(String key) {
    return values.get(key);
  }

  public int getInt(String key) {
    Object v = require(key);
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw wrongType(key, "an integer", v);
  }

  public int getInt(String key, int dflt) {
    return has(key) ? getInt(key) : dflt;
  }

  public double getDouble(String key) {
    Object v = require(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(key, "a number", v);
  }

  public double getDouble(String key, double dflt) {
    return has(key) ? getDouble(key) : dflt;
  }

  public boolean getBoolean(String key, boolean dflt) {
    Object v = values.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType(key, "a boolean", v);
  }

  public String getString(String key) {
    Object v = require(key);
    if (v instanceof String s) {
      return s;
    }
    throw wrongType(key, "a string", v);
  }

  public String getString(String key, String dflt) {
    return has(key) ? getString(key) : dflt;
  }

  /**
   * A list of integers; null entries (Keras's None) become -1. A single integer is a list of one.
   */
  public int[] getIntArray(String key) {
    Object v = require(key);
    if (v instanceof Number n) {
      return new int[] {n.intValue()};
    }
    if (v instanceof List<?> l) {
      int[] out = new int[l.size()];
      for (int i = 0; i < out.length; i++) {
        Object e = l.get(i);
        if (e == null) {
          out[i] = -1;
        } else if (e instanceof Number n) {
          out[i] = n.intValue();
        } else {
          throw wrongType(key, "a list of integers", v);
        }
      }
      return out;
    }
    throw wrongType(key, "a list of integers", v);
  }

  public int[] getIntArray(String key, int[] dflt) {
    return has(key) ? getIntArray(key) : dflt;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> getMap(String key) {
    Object v = require(key);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw wrongType(key, "an object", v);
  }

  @SuppressWarnings("unchecked")
  public List<Object> getList(String key) {
    Object v = require(key);
    if (v instanceof List<?> l) {
      return (List<Object>) l;
    }
    throw wrongType(key, "a list", v);
  }

  /** An activation given as a name or as Keras 3's serialized function. */
  public ActivationFunction activation(String key, String dflt) {
    Object v = values.get(key);
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
    throw wrongType(key, "an activation name", v);
  }

  @SuppressWarnings("unchecked")
  public Initializer initializer(String key, String dflt) {
    Object v = values.get(key);
    if (v == null) {
      return Initializers.get(dflt);
    }
    if (v instanceof String s) {
      return Initializers.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      return Initializers.deserialize((Map<String, Object>) m);
    }
    throw wrongType(key, "an initializer", v);
  }

  @SuppressWarnings("unchecked")
  public Regularizer regularizer(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return Regularizers.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      return Regularizers.deserialize((Map<String, Object>) m);
    }
    throw wrongType(key, "a regularizer", v);
  }

  @SuppressWarnings("unchecked")
  public Constraint constraint(String key) {
    Object v = values.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return Constraints.get(s);
    }
    if (v instanceof Map<?, ?> m) {
      return Constraints.deserialize((Map<String, Object>) m);
    }
    throw wrongType(key, "a constraint", v);
  }

  private Object require(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "Config of " + className + " lacks the required key '" + key + "'. Received: " + values);
    }
    return v;
  }

  private IllegalArgumentException wrongType(String key, String expected, Object v) {
    return new IllegalArgumentException(
        "Config of "
            + className
            + ": expected "
            + key
            + " to be "
            + expected
            + ". Received: "
            + key
            + "="
            + v);
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

package io.keras4j.internal;

import io.keras4j.saving.Config;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An explicit table of Keras class names (and their aliases) to factories that build the object
 * from its config. Deserialization goes only through such tables, never through reflection on a
 * name read from a file.
 *
 * @param <T> the kind of object built (Initializer, Regularizer, ...)
 */
public final class Registry<T> {
  private record Entry<T>(String className, Function<Config, T> factory) {}

  private final String kind;
  private final Map<String, Entry<T>> byName = new LinkedHashMap<>();

  /**
   * @param kind the kind of object, e.g. {@code "initializer"}, for error messages
   */
  public Registry(String kind) {
    this.kind = kind;
  }

  /** Registers a class under its Keras class name and any aliases (snake_case, legacy names). */
  public Registry<T> add(String className, Function<Config, T> factory, String... aliases) {
    Entry<T> e = new Entry<>(className, factory);
    put(className, e);
    for (String a : aliases) {
      put(a, e);
    }
    return this;
  }

  private void put(String name, Entry<T> e) {
    if (byName.putIfAbsent(name, e) != null) {
      throw new IllegalStateException("Duplicate " + kind + " name in registry: " + name);
    }
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Every name and alias, in registration order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(byName.keySet());
  }

  /** The class name an alias stands for, e.g. {@code "glorot_uniform" -> "GlorotUniform"}. */
  public String className(String name, String argument) {
    return entry(name, argument).className();
  }

  /**
   * Builds the object named {@code name} from its config.
   *
   * @param argument the argument that carried the name, for the error on an unknown one
   */
  public T create(String name, Map<String, ?> config, String argument) {
    Entry<T> e = entry(name, argument);
    return e.factory().apply(new Config(e.className(), config));
  }

  private Entry<T> entry(String name, String argument) {
    Entry<T> e = name == null ? null : byName.get(name);
    if (e == null) {
      throw Suggest.unknown(kind, argument, name, byName.keySet());
    }
    return e;
  }
}

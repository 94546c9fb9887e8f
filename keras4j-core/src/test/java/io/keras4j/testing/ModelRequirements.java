package io.keras4j.testing;

import io.keras4j.activations.Activations;
import io.keras4j.initializers.Initializers;
import io.keras4j.saving.LayerRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Keras model JSON needs that keras4j does not have yet: layer classes missing from {@link
 * LayerRegistry}, and activation or initializer names the catalogues do not know. Golden tests skip
 * a case that needs any of these (the parts are written in parallel) and run every other case.
 *
 * <p>Only names are probed. An initializer whose name is known but whose config is refused counts
 * as present, so that the case runs and the refusal shows as a failure.
 */
public final class ModelRequirements {
  /** Class names of models, which {@code Models} builds itself (not through the registry). */
  private static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Functional", "Model");

  /** Config keys that hold a nested layer (wrappers, RNN cells). */
  private static final Set<String> NESTED_LAYER_KEYS = Set.of("layer", "backward_layer", "cell");

  private final Set<String> missing = new LinkedHashSet<>();

  private ModelRequirements() {}

  /**
   * The missing parts of a model entry ({@code {"class_name", "config"}}), in order of appearance,
   * each as {@code "layer Dropout"}, {@code "activation softplus"} or {@code "initializer
   * VarianceScaling"}; empty when everything is there.
   */
  public static List<String> missing(Map<String, Object> modelEntry) {
    ModelRequirements r = new ModelRequirements();
    r.walkLayer(modelEntry);
    return new ArrayList<>(r.missing);
  }

  /** The layer entries directly inside a layer entry: a model's layers, a wrapper's layer. */
  private static List<Object> children(String cls, Object config) {
    List<Object> out = new ArrayList<>();
    if (MODEL_CLASSES.contains(cls)) {
      if (config instanceof List<?> l) {
        out.addAll(l); // Keras 1 / early Keras 2 Sequential: the config is the list
      } else if (config instanceof Map<?, ?> c && c.get("layers") instanceof List<?> l) {
        out.addAll(l);
      }
      return out;
    }
    if (config instanceof Map<?, ?> c) {
      for (Map.Entry<?, ?> e : c.entrySet()) {
        if (NESTED_LAYER_KEYS.contains(e.getKey()) && e.getValue() instanceof Map<?, ?>) {
          out.add(e.getValue());
        } else if ("cells".equals(e.getKey()) && e.getValue() instanceof List<?> l) {
          out.addAll(l);
        }
      }
    }
    return out;
  }

  private void walkLayer(Object entry) {
    if (!(entry instanceof Map<?, ?> m) || !(m.get("class_name") instanceof String cls)) {
      return;
    }
    Object config = m.get("config");
    if (!MODEL_CLASSES.contains(cls)) {
      if (!LayerRegistry.isRegistered(cls)) {
        missing.add("layer " + cls);
      }
      if (config instanceof Map<?, ?> c) {
        probeConfig(c);
      }
    }
    for (Object child : children(cls, config)) {
      walkLayer(child);
    }
  }

  private void probeConfig(Map<?, ?> config) {
    for (Map.Entry<?, ?> e : config.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      if (key.equals("activation") || key.endsWith("_activation")) {
        String name = activationName(v);
        if (name != null && !activationKnown(name)) {
          missing.add("activation " + name);
        }
      } else if (key.endsWith("_initializer")) {
        String name = initializerMissing(v);
        if (name != null) {
          missing.add("initializer " + name);
        }
      }
    }
  }

  /** The name of an activation given as a string or as Keras 3's serialized function. */
  private static String activationName(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Map<?, ?> m) {
      if (m.get("config") instanceof String s) {
        return s;
      }
      if (m.get("class_name") instanceof String s) {
        return s;
      }
    }
    return null;
  }

  private static boolean activationKnown(String name) {
    try {
      Activations.get(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The initializer's name when the catalogue knows neither the entry nor its name, else null. */
  @SuppressWarnings("unchecked")
  private static String initializerMissing(Object v) {
    String name;
    if (v instanceof String s) {
      name = s;
    } else if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String s) {
      name = s;
      try {
        Initializers.deserialize((Map<String, Object>) m);
        return null;
      } catch (RuntimeException e) {
        // fall through: is the name itself unknown?
      }
    } else {
      return null;
    }
    try {
      Initializers.get(name);
      return null;
    } catch (RuntimeException e) {
      return name;
    }
  }
}

package io.keras4j.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a Keras object (initializer, regularizer, constraint, layer, ...). Keras 3
 * writes {@code {"module", "class_name", "config", "registered_name"}}; Keras 2 and TF.js write
 * only {@code {"class_name", "config"}}. Both are read; the Keras 3 form is written.
 */
public record SerializedObject(
    String module, String className, Map<String, Object> config, String registeredName) {

  public SerializedObject {
    config = config == null ? Map.of() : config;
  }

  /** The Keras 3 form of a built-in object: {@code registered_name} is null for those. */
  public static SerializedObject builtin(
      String module, String className, Map<String, Object> config) {
    return new SerializedObject(module, className, config, null);
  }

  /**
   * Reads either form.
   *
   * @param kind what is being read, e.g. {@code "initializer"}, for error messages
   */
  @SuppressWarnings("unchecked")
  public static SerializedObject parse(String kind, Map<String, ?> map) {
    if (map == null) {
      throw new IllegalArgumentException(
          "Cannot deserialize a " + kind + " from null. Received: config=null");
    }
    Object cls = map.get("class_name");
    if (!(cls instanceof String className)) {
      throw new IllegalArgumentException(
          "A serialized "
              + kind
              + " needs a string 'class_name' (with an optional 'config'). Received: config="
              + map);
    }
    Object cfg = map.get("config");
    if (cfg != null && !(cfg instanceof Map)) {
      throw new IllegalArgumentException(
          "The 'config' of a serialized "
              + kind
              + " must be a dictionary. Received: config="
              + cfg);
    }
    Object module = map.get("module");
    Object registered = map.get("registered_name");
    return new SerializedObject(
        module instanceof String m ? m : null,
        className,
        (Map<String, Object>) cfg,
        registered instanceof String r ? r : null);
  }

  /** The Keras 3 dictionary (insertion-ordered, as Keras writes it). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("module", module);
    m.put("class_name", className);
    m.put("config", config);
    m.put("registered_name", registeredName);
    return m;
  }
}

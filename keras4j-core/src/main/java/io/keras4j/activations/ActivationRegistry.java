package io.keras4j.activations;

import io.keras4j.internal.Suggest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keras names of the built-in activations, Keras's aliases, and user-registered ones. */
final class ActivationRegistry {
  private static final Map<String, ActivationFunction> BUILTIN = new LinkedHashMap<>();
  private static final Map<String, ActivationFunction> CUSTOM = new ConcurrentHashMap<>();

  static {
    add("celu", Activations::celu);
    add("elu", Activations::elu);
    add("exponential", Activations::exponential);
    add("gelu", Activations::gelu);
    add("glu", Activations::glu);
    add("hard_shrink", Activations::hardShrink);
    add("hard_sigmoid", Activations::hardSigmoid);
    add("hard_silu", Activations::hardSilu);
    add("hard_tanh", Activations::hardTanh);
    add("leaky_relu", Activations::leakyRelu);
    add("linear", Activations::linear);
    add("log_sigmoid", Activations::logSigmoid);
    add("log_softmax", Activations::logSoftmax);
    add("mish", Activations::mish);
    add("relu", Activations::relu);
    add("relu6", Activations::relu6);
    add("selu", Activations::selu);
    add("sigmoid", Activations::sigmoid);
    add("silu", Activations::silu);
    add("soft_shrink", Activations::softShrink);
    add("softmax", Activations::softmax);
    add("softplus", Activations::softplus);
    add("softsign", Activations::softsign);
    add("sparse_plus", Activations::sparsePlus);
    add("sparse_sigmoid", Activations::sparseSigmoid);
    add("sparsemax", Activations::sparsemax);
    add("squareplus", Activations::squareplus);
    add("tanh", Activations::tanh);
    add("tanh_shrink", Activations::tanhShrink);
    // Keras's aliases resolve to the same function, which serializes under its own name.
    BUILTIN.put("swish", BUILTIN.get("silu"));
    BUILTIN.put("hard_swish", BUILTIN.get("hard_silu"));
  }

  /** Keras lists threshold, but it has required arguments, so a bare name cannot be applied. */
  private static final String THRESHOLD = "threshold";

  private ActivationRegistry() {}

  private static void add(String name, ActivationFunction fn) {
    BUILTIN.put(name, ActivationFunction.of(name, fn));
  }

  static ActivationFunction get(String name) {
    if (name == null) {
      return BUILTIN.get("linear");
    }
    ActivationFunction fn = BUILTIN.get(name);
    if (fn == null) {
      fn = CUSTOM.get(name);
    }
    if (fn != null) {
      return fn;
    }
    if (name.equals(THRESHOLD)) {
      throw new IllegalArgumentException(
          "Activation 'threshold' needs its arguments threshold and defaultValue, so it cannot be"
              + " used by name; call Activations.threshold(x, threshold, defaultValue) instead."
              + " Received: activation=threshold");
    }
    throw Suggest.unknown("activation", "activation", name, names());
  }

  static String serialize(ActivationFunction activation) {
    String name = activation.name();
    ActivationFunction known = BUILTIN.get(name);
    if (known == null) {
      known = CUSTOM.get(name);
    }
    if (known != activation) {
      throw new IllegalArgumentException(
          "Activation function '"
              + name
              + "' cannot be serialized: it is neither a Keras built-in (from Activations.get)"
              + " nor registered with Activations.register(name, fn). Received: activation="
              + activation);
    }
    return name;
  }

  static ActivationFunction deserialize(Map<String, ?> config) {
    Object inner = config == null ? null : config.get("config");
    Object registered = config == null ? null : config.get("registered_name");
    // Keras 3 writes {"class_name": "function", "config": "<name>", "registered_name": ...}.
    if (inner instanceof String name) {
      return get(name);
    }
    if (registered instanceof String name && !name.equals("function")) {
      return get(name);
    }
    throw new IllegalArgumentException(
        "Could not interpret activation function identifier: expected a name or"
            + " {\"class_name\": \"function\", \"config\": <name>}. Received: activation="
            + config);
  }

  static synchronized ActivationFunction register(String name, ActivationFunction fn) {
    if (BUILTIN.containsKey(name) || name.equals(THRESHOLD)) {
      throw new IllegalArgumentException(
          "Cannot register a custom activation under the name of a Keras built-in. Received:"
              + " name="
              + name);
    }
    ActivationFunction named = ActivationFunction.of(name, fn);
    CUSTOM.put(name, named);
    return named;
  }

  static Set<String> names() {
    Set<String> all = new LinkedHashSet<>(BUILTIN.keySet());
    all.addAll(CUSTOM.keySet());
    return Collections.unmodifiableSet(all);
  }
}

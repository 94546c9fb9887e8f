package io.keras4j.saving;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 1 files (keras_version 1.x) read as Keras 2's legacy converters read them: layer configs
 * renamed to Keras 2/3 keys ({@code output_dim} to {@code units}, {@code init} to {@code
 * kernel_initializer}, ...), and the separate per-gate arrays of recurrent layers (LSTM's {@code
 * W_i, U_i, b_i, W_c, U_c, b_c, W_f, U_f, b_f, W_o, U_o, b_o}, GRU's {@code W_z ... b_h}) joined
 * into Keras's concatenated kernels (LSTM gate order i, f, c, o; GRU z, r, h). Layer classes Keras
 * 1 named otherwise (e.g. {@code Convolution2D}, {@code Merge}) stay unknown and are refused.
 */
final class Keras1Configs {
  private static final Map<String, String> COMMON =
      Map.of(
          "input_dtype", "dtype",
          "W_regularizer", "kernel_regularizer",
          "b_regularizer", "bias_regularizer",
          "W_constraint", "kernel_constraint",
          "b_constraint", "bias_constraint",
          "init", "kernel_initializer");

  private static final Map<String, String> DENSE =
      Map.of("output_dim", "units", "bias", "use_bias");

  private static final Map<String, String> RECURRENT =
      Map.of(
          "output_dim", "units",
          "inner_init", "recurrent_initializer",
          "inner_activation", "recurrent_activation",
          "U_regularizer", "recurrent_regularizer",
          "U_constraint", "recurrent_constraint",
          "dropout_W", "dropout",
          "dropout_U", "recurrent_dropout");

  private Keras1Configs() {}

  /** Whether a {@code keras_version} is Keras 1's. */
  static boolean isKeras1(String kerasVersion) {
    return kerasVersion != null && kerasVersion.startsWith("1.");
  }

  /** The model config with every layer config translated to Keras 2/3 keys (a new map). */
  static Map<String, Object> translateModel(Map<String, Object> model) {
    Map<String, Object> out = new LinkedHashMap<>(model);
    Object config = model.get("config");
    if (config instanceof List<?> layers) { // Sequential as Keras 1 wrote it: a list of layers
      out.put("config", translateLayers(layers));
    } else if (config instanceof Map<?, ?> m) {
      Map<String, Object> c = copy(m);
      if (c.get("layers") instanceof List<?> layers) {
        c.put("layers", translateLayers(layers));
      }
      out.put("config", c);
    }
    return out;
  }

  private static List<Object> translateLayers(List<?> layers) {
    List<Object> out = new ArrayList<>();
    for (Object o : layers) {
      out.add(o instanceof Map<?, ?> m ? translateLayer(copy(m)) : o);
    }
    return out;
  }

  private static Map<String, Object> translateLayer(Map<String, Object> layer) {
    String cls = String.valueOf(layer.get("class_name"));
    if (!(layer.get("config") instanceof Map<?, ?> raw)) {
      return layer;
    }
    if (cls.equals("Sequential") || cls.equals("Model") || cls.equals("Functional")) {
      return translateModel(layer);
    }
    Map<String, Object> c = copy(raw);
    rename(c, COMMON);
    switch (cls) {
      case "Dense" -> {
        rename(c, DENSE);
        inputShape(c, false);
      }
      case "SimpleRNN", "GRU", "LSTM" -> {
        rename(c, RECURRENT);
        Object consume = c.remove("consume_less");
        // Keras 2's value conversion; the key also marks hard_sigmoid as Keras 1/2's formula.
        c.put("implementation", "mem".equals(consume) ? 1 : "gpu".equals(consume) ? 2 : 0);
        if (cls.equals("LSTM") && c.containsKey("forget_bias_init")) {
          // As Keras 2: "one" is unit_forget_bias; any other value is ignored.
          if ("one".equals(c.remove("forget_bias_init"))) {
            c.put("unit_forget_bias", true);
          }
        }
        if (cls.equals("GRU")) {
          c.putIfAbsent("reset_after", false); // Keras 1's GRU: one bias, reset before
        }
        inputShape(c, true);
      }
      case "Dropout" -> {
        if (c.containsKey("p")) {
          c.put("rate", c.remove("p"));
        }
      }
      default -> {}
    }
    for (String k : List.of("kernel_initializer", "recurrent_initializer")) {
      if ("one".equals(c.get(k))) {
        c.put(k, "ones");
      } else if ("zero".equals(c.get(k))) {
        c.put(k, "zeros");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>(layer);
    out.put("config", c);
    return out;
  }

  /**
   * Keras 1's {@code input_dim} (and recurrent {@code input_length}): dropped when {@code
   * batch_input_shape} is given, else turned into it, as Keras 2's {@code input_shape}.
   */
  private static void inputShape(Map<String, Object> c, boolean withLength) {
    Object dim = c.remove("input_dim");
    Object length = c.remove("input_length");
    if (dim == null || c.get("batch_input_shape") != null) {
      return;
    }
    List<Object> shape = new ArrayList<>();
    shape.add(null);
    if (withLength) {
      shape.add(length);
    }
    shape.add(dim);
    c.put("batch_input_shape", shape);
  }

  private static void rename(Map<String, Object> c, Map<String, String> names) {
    for (Map.Entry<String, String> e : names.entrySet()) {
      if (c.containsKey(e.getKey())) {
        c.put(e.getValue(), c.remove(e.getKey()));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<?, ?> m) {
    return new LinkedHashMap<>((Map<String, Object>) m);
  }

  /**
   * A layer's weights as Keras 1 stored them, in Keras 2/3's layout: LSTM's 12 and GRU's 9 per-gate
   * arrays joined on the last axis (kernel, recurrent kernel, bias); anything else unchanged.
   */
  static boolean joinsWeights(String className, int count) {
    return className.equals("LSTM") && count == 12 || className.equals("GRU") && count == 9;
  }

  static List<Tensor> weights(String className, List<Tensor> w) {
    if (className.equals("LSTM") && w.size() == 12) {
      // Keras 1 order i, c, f, o (W, U, b each); Keras 2/3 order i, f, c, o.
      return List.of(join(w, 0, 6, 3, 9), join(w, 1, 7, 4, 10), join(w, 2, 8, 5, 11));
    }
    if (className.equals("GRU") && w.size() == 9) {
      // Keras 1 order z, r, h (W, U, b each), as Keras 2/3.
      return List.of(join(w, 0, 3, 6), join(w, 1, 4, 7), join(w, 2, 5, 8));
    }
    return w;
  }

  private static Tensor join(List<Tensor> w, int... indices) {
    List<Tensor> parts = new ArrayList<>();
    for (int i : indices) {
      parts.add(w.get(i));
    }
    return Ops.concatenate(parts, -1);
  }
}

package io.keras4j.saving;

import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Layer;
import io.keras4j.layers.RNN;
import io.keras4j.layers.RecurrentCell;
import io.keras4j.layers.TimeDistributed;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recurrent layers read from a Keras 2 or TF.js config with {@code hard_sigmoid}: they compute
 * Keras 2's {@code clip(0.2x + 0.5, 0, 1)}, which a Keras 3 config cannot express (Keras 3 reads
 * {@code hard_sigmoid} as {@code relu6(x + 3) / 6}). Saving them as {@code .keras} or {@code .h5}
 * would change their predictions, so it is refused; the TF.js format, whose {@code hard_sigmoid} is
 * Keras 2's, holds them (their configs get TF.js's {@code implementation} key, which tells
 * keras4j's reader the formula).
 */
final class Keras2HardSigmoid {
  private static final Set<String> RNN_CLASSES = Set.of("LSTM", "GRU", "SimpleRNN");

  private Keras2HardSigmoid() {}

  /** The names of the model's layers (nested models' too) computing Keras 2's hard sigmoid. */
  static Set<String> layers(Model model) {
    Set<String> out = new LinkedHashSet<>();
    collect(model, out);
    return out;
  }

  private static void collect(Model model, Set<String> out) {
    for (Layer l : model.layers()) {
      if (l instanceof Model nested) {
        collect(nested, out);
      } else if (uses(l)) {
        out.add(l.name());
      }
    }
  }

  private static boolean uses(Layer l) {
    if (l instanceof Bidirectional b) {
      return uses(b.forwardLayer()) || uses(b.backwardLayer());
    }
    if (l instanceof TimeDistributed td) {
      return uses(td.layer());
    }
    return l instanceof RNN rnn
        && rnn.cell() instanceof RecurrentCell<?> rc
        && rc.usesKeras2HardSigmoid();
  }

  /** Refuses a Keras 3 format save of a model with such layers, naming them. */
  static void refuseKeras3(Model model, Path file) {
    Set<String> names = layers(model);
    if (!names.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot save "
              + file.getFileName()
              + " in a Keras 3 format: layer(s) "
              + names
              + " compute Keras 2's hard_sigmoid clip(0.2x + 0.5, 0, 1) (read from a Keras 2 or"
              + " TF.js config), which Keras 3 reads as relu6(x + 3) / 6; save them in the TF.js"
              + " format (saveTfJs), whose hard_sigmoid is Keras 2's");
    }
  }

  /** Adds {@code implementation} to the recurrent configs of those layers in a TF.js topology. */
  @SuppressWarnings("unchecked")
  static void markForTfJs(Object config, Set<String> names, boolean inside) {
    if (names.isEmpty()) {
      return;
    }
    if (config instanceof List<?> list) {
      for (Object o : list) {
        markForTfJs(o, names, inside);
      }
    } else if (config instanceof Map<?, ?> raw) {
      Map<String, Object> m = (Map<String, Object>) raw;
      boolean in = inside;
      if (m.get("config") instanceof Map<?, ?> c) {
        in = in || names.contains(String.valueOf(c.get("name")));
        if (in && RNN_CLASSES.contains(String.valueOf(m.get("class_name")))) {
          ((Map<String, Object>) c).putIfAbsent("implementation", null);
        }
      }
      for (Object v : new ArrayList<>(m.values())) {
        markForTfJs(v, names, in);
      }
    }
  }
}

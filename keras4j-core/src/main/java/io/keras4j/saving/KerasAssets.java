package io.keras4j.saving;

import io.keras4j.layers.HasAssets;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code assets/} entries of a {@code .keras} file, as Keras 3 lays them out: the files of a
 * layer that {@link HasAssets} under {@code assets/} plus the path of its weights group ({@code
 * layers/<key>}, nested models inside their own), e.g. {@code
 * assets/layers/text_vectorization/vocabulary.txt}.
 */
final class KerasAssets {
  static final String PREFIX = "assets/";

  private KerasAssets() {}

  /** The model's asset entries, by zip entry name. */
  static Map<String, byte[]> collect(Model model) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    collect(model, PREFIX + "layers/", out);
    return out;
  }

  private static void collect(Model model, String prefix, Map<String, byte[]> out) {
    Keras3WeightsWriter.layerKeys(model)
        .forEach(
            (key, layer) -> {
              if (layer instanceof Model nested) {
                collect(nested, prefix + key + "/layers/", out);
              } else if (layer instanceof HasAssets a) {
                a.saveAssets().forEach((name, bytes) -> out.put(prefix + key + "/" + name, bytes));
              }
            });
  }

  /** Gives each layer that {@link HasAssets} the files under its path (after the weights). */
  static void restore(Path file, Model model, Map<String, byte[]> entries) {
    restore(file, model, PREFIX + "layers/", entries);
  }

  private static void restore(Path file, Model model, String prefix, Map<String, byte[]> entries) {
    for (Map.Entry<String, Layer> e : Keras3WeightsWriter.layerKeys(model).entrySet()) {
      String dir = prefix + e.getKey() + "/";
      if (e.getValue() instanceof Model nested) {
        restore(file, nested, dir + "layers/", entries);
      } else if (e.getValue() instanceof HasAssets a) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        entries.forEach(
            (name, bytes) -> {
              if (name.startsWith(dir)) {
                files.put(name.substring(dir.length()), bytes);
              }
            });
        try {
          a.loadAssets(files);
        } catch (RuntimeException ex) {
          throw new KerasFileException(
              file,
              "unusable assets of layer '" + e.getValue().name() + "': " + ex.getMessage(),
              ex);
        }
      }
    }
  }
}

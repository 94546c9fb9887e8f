package io.keras4j.saving;

import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a legacy HDF5 model file as Keras 3's {@code model.save("m.h5")} writes it ({@code
 * legacy_h5_format.save_model_to_hdf5}): root attributes {@code backend}, {@code keras_version}
 * (UTF-8 strings), {@code model_config} and, when compiled, {@code training_config} (JSON, ASCII
 * strings); {@code model_weights} with {@code layer_names}, {@code backend}, {@code keras_version}
 * and one group per layer holding {@code weight_names} and the datasets at those names (the
 * variables' paths, e.g. {@code sequential/dense/kernel}), plus the empty {@code
 * top_level_model_weights}; {@code optimizer_weights} when compiled. {@link LegacyH5} reads it.
 */
final class LegacyH5Writer {
  private LegacyH5Writer() {}

  /** The tree of a legacy {@code .h5} file for {@code model}. */
  static Hdf5Tree.Group of(Model model) {
    Hdf5Tree.Group root = new Hdf5Tree.Group();
    root.attribute("backend", "tensorflow");
    root.attribute("keras_version", KerasArchiveWriter.KERAS_VERSION);
    root.asciiAttribute("model_config", model.toJson());
    Optimizer opt = model.isCompiled() ? model.optimizer() : null;
    if (model.isCompiled()) {
      Map<String, Object> training = CompileConfig.of(model.compileOptions());
      training.remove("optimizer");
      if (opt != null) {
        Map<String, Object> oc = new LinkedHashMap<>();
        oc.put("class_name", opt.className());
        oc.put("config", opt.getConfig());
        training.put("optimizer_config", oc);
      }
      root.asciiAttribute("training_config", Json.write(training));
    }
    Hdf5Tree.Group weights = root.group("model_weights");
    writeWeights(weights, model);
    if (opt != null) {
      Hdf5Tree.Group g = root.group("optimizer_weights");
      List<String> names = new ArrayList<>();
      for (Variable v : opt.variables()) {
        boolean scalar =
            v.value().size() == 1
                && (v.name().equals("iteration")
                    || v.name().equals("iterations")
                    || v.name().equals("learning_rate"));
        // Keras names a slot after its variable's path, which in a Sequential starts with the
        // model's name: adam/sequential_dense_kernel_momentum.
        String path =
            scalar || !(model instanceof Sequential) || v.name().startsWith(model.name() + "_")
                ? v.path()
                : opt.name() + "/" + model.name() + "_" + v.name();
        names.add(putPath(g, path, v, scalar));
      }
      g.asciiAttribute("weight_names", names);
    }
    return root;
  }

  /** The layers Keras 3 lists: a Sequential's without its input layer, a Functional's all. */
  static List<Layer> layers(Model model) {
    List<Layer> out = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (!(l instanceof InputLayer && model instanceof Sequential)) {
        out.add(l);
      }
    }
    return out;
  }

  private static void writeWeights(Hdf5Tree.Group group, Model model) {
    List<Layer> layers = layers(model);
    List<String> names = new ArrayList<>();
    for (Layer l : layers) {
      names.add(l.name());
    }
    group.asciiAttribute("layer_names", names);
    group.asciiAttribute("backend", "tensorflow");
    group.asciiAttribute("keras_version", KerasArchiveWriter.KERAS_VERSION);
    String prefix = model instanceof Sequential ? model.name() + "/" : "";
    for (Layer l : layers) {
      Hdf5Tree.Group g = group.group(l.name());
      List<String> weightNames = new ArrayList<>();
      for (Variable v : l.weights()) {
        weightNames.add(putPath(g, prefix + v.path(), v, false));
      }
      g.asciiAttribute("weight_names", weightNames);
    }
    group.group("top_level_model_weights").asciiAttribute("weight_names", List.of());
  }

  /**
   * Writes a variable's value at {@code path} under {@code g} (groups for each {@code /}); a path
   * already taken gets a {@code _1}, {@code _2}... suffix. Returns the path used.
   */
  private static String putPath(Hdf5Tree.Group g, String path, Variable v, boolean scalar) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      parts.add(v.name().isEmpty() ? "weight" : v.name());
    }
    for (int k = 0; ; k++) {
      List<String> tried = new ArrayList<>(parts);
      if (k > 0) {
        tried.set(tried.size() - 1, tried.getLast() + "_" + k);
      }
      Hdf5Tree.Group at = free(g, tried);
      if (at != null) {
        Keras3WeightsWriter.put(at, tried.getLast(), v.value(), scalar ? new int[0] : v.shape());
        return String.join("/", tried);
      }
    }
  }

  /** The group to hold the last name of {@code parts}, or null when that path is taken. */
  private static Hdf5Tree.Group free(Hdf5Tree.Group g, List<String> parts) {
    Hdf5Tree.Group at = g;
    for (int i = 0; i < parts.size() - 1; i++) {
      Hdf5Tree.Node n = at.children.get(parts.get(i));
      if (n instanceof Hdf5Tree.Dataset) {
        return null;
      }
      at = at.group(parts.get(i));
    }
    return at.children.containsKey(parts.getLast()) ? null : at;
  }
}

package io.keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Legacy HDF5 model files as Keras 2.x and 3.x write them ({@code model.save("m.h5")}): the {@code
 * model_config} attribute holds the topology, {@code model_weights/<layer>/<weight name>} the
 * weights, listed by the {@code layer_names} and {@code weight_names} attributes (fixed or variable
 * length, with or without {@code :0}). As Keras does, the layers with weights are matched to the
 * file's layers with weights in order (or by name, {@link #loadWeightsByName}); every count and
 * shape is checked first. A file with {@code training_config} loads compiled, with the state of
 * {@code optimizer_weights}.
 *
 * <p>Keras 1 files (keras_version 1.x) are read through {@link Keras1Configs}: their configs and
 * per-gate recurrent weights translated as Keras 2 did; convolution kernels saved by the Theano
 * backend are flipped back ({@link TheanoKernels}).
 */
final class LegacyH5 {
  private static final System.Logger LOG = System.getLogger(LegacyH5.class.getName());

  private LegacyH5() {}

  static Model load(Path file, byte[] bytes) {
    try (HdfFile h5 = Hdf5.open(file, bytes)) {
      String version = Hdf5.stringAttribute(file, h5, "keras_version");
      String config = Hdf5.stringAttribute(file, h5, "model_config");
      if (config == null) {
        throw new KerasFileException(
            file,
            "no model_config attribute: a weights-only file (load it with Model.loadWeights on"
                + " a model built in Java)");
      }
      Map<String, Object> modelConfig =
          KerasFiles.readJson(file, config.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (Keras1Configs.isKeras1(version)) {
        modelConfig = Keras1Configs.translateModel(modelConfig);
      }
      Model model = KerasFiles.fromConfig(file, modelConfig);
      Group weights = Hdf5.childGroup(file, h5, "model_weights");
      loadWeights(file, weights == null ? h5 : weights, model);
      String training = Hdf5.stringAttribute(file, h5, "training_config");
      if (training != null) { // as Keras's load_model(compile=True): compiled, optimizer state too
        Map<String, Object> cc =
            new java.util.LinkedHashMap<>(
                KerasFiles.readJson(
                    file, training.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Object opt = cc.remove("optimizer_config");
        if (opt != null) {
          cc.put("optimizer", opt);
        }
        if (CompiledState.compile(file, model, cc)) {
          CompiledState.loadLegacyOptimizer(file, h5, model);
        }
      }
      return model;
    }
  }

  /** The datasets a layer's group lists in {@code weight_names}, in that order. */
  private static List<Dataset> datasets(Path file, Group group, String name) {
    Group g = Hdf5.childGroup(file, group, name);
    if (g == null) {
      throw new KerasFileException(
          file, "layer_names lists '" + name + "' but " + group.getPath() + " has no such group");
    }
    List<Dataset> ds = new ArrayList<>();
    for (String w : Hdf5.stringsAttribute(file, g, "weight_names")) {
      Node n = Hdf5.byPath(file, g, w);
      if (!(n instanceof Dataset d)) {
        throw new KerasFileException(
            file, "weight_names of layer '" + name + "' lists '" + w + "', which is not a dataset");
      }
      ds.add(d);
    }
    return ds;
  }

  /**
   * The weights under a group with {@code layer_names}, matched to the model's layers by name, as
   * Keras's {@code load_weights(..., by_name=True)}: layers of the model absent from the file, and
   * the file's layers absent from the model, are left alone. A layer whose weight count differs, or
   * a weight whose shape differs, is skipped with a logged warning when {@code skipMismatch}, else
   * refused with an error naming the layer and the weight; nothing changes before every check
   * passed. Keras 1 and Theano layouts are converted as in {@link #loadWeights}.
   */
  static void loadWeightsByName(Path file, Group group, Model model, boolean skipMismatch) {
    List<String> layerNames = Hdf5.stringsAttribute(file, group, "layer_names");
    boolean keras1 = isKeras1Weights(file, group);
    String backend = attribute(file, group, "backend");
    Map<String, List<Layer>> index = new HashMap<>();
    for (Layer l : model.layers()) {
      index.computeIfAbsent(l.name(), k -> new ArrayList<>()).add(l);
    }
    List<Runnable> assignments = new ArrayList<>();
    for (int k = 0; k < layerNames.size(); k++) {
      String name = layerNames.get(k);
      List<Layer> matching = index.getOrDefault(name, List.of());
      if (matching.isEmpty()) {
        continue;
      }
      List<Dataset> ds = datasets(file, group, name);
      for (Layer layer : matching) {
        List<Variable> vars = layer.weights();
        List<Tensor> converted =
            converted(file, Keras3Weights.className(layer), ds, keras1, backend);
        int count = converted == null ? ds.size() : converted.size();
        if (count != vars.size()) {
          String msg =
              "layer #"
                  + k
                  + " (named "
                  + layer.name()
                  + ") due to mismatch in number of weights. Layer expects "
                  + vars.size()
                  + " weight(s). Received "
                  + count
                  + " saved weight(s)";
          if (skipMismatch) {
            LOG.log(System.Logger.Level.WARNING, "Skipping loading of weights for " + msg);
            continue;
          }
          throw new KerasFileException(file, "Weight count mismatch for " + msg);
        }
        for (int i = 0; i < vars.size(); i++) {
          Variable v = vars.get(i);
          Tensor t = converted == null ? Hdf5.tensor(file, ds.get(i)) : converted.get(i);
          if (!Arrays.equals(v.shape(), t.shape())) {
            String msg =
                "layer #"
                    + k
                    + " (named "
                    + layer.name()
                    + ") for weight "
                    + v.path()
                    + ". Weight expects shape "
                    + Arrays.toString(v.shape())
                    + ". Received saved weight "
                    + ds.get(Math.min(i, ds.size() - 1)).getPath()
                    + " with shape "
                    + Arrays.toString(t.shape());
            if (skipMismatch) {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Skipping loading weights for "
                      + msg.replace(" for weight", ": mismatch in shape for weight"));
              continue;
            }
            throw new KerasFileException(file, "Shape mismatch in " + msg);
          }
          assignments.add(() -> v.assign(t));
        }
      }
    }
    assignments.forEach(Runnable::run);
  }

  /** The weights under a group with {@code layer_names} (a model's {@code model_weights}). */
  static void loadWeights(Path file, Group group, Model model) {
    String backend = attribute(file, group, "backend");
    List<String> layerNames = Hdf5.stringsAttribute(file, group, "layer_names");
    List<String> fileLayers = new ArrayList<>();
    List<List<Dataset>> fileWeights = new ArrayList<>();
    for (String name : layerNames) {
      List<Dataset> ds = datasets(file, group, name);
      if (!ds.isEmpty()) {
        fileLayers.add(name);
        fileWeights.add(ds);
      }
    }
    List<Layer> layers = new ArrayList<>();
    for (Layer l : model.layers()) {
      if (!l.weights().isEmpty()) {
        layers.add(l);
      }
    }
    if (layers.size() != fileLayers.size()) {
      throw new KerasFileException(
          file,
          "the model has "
              + layers.size()
              + " layers with weights; the file has "
              + fileLayers.size()
              + " "
              + fileLayers);
    }
    boolean keras1 = isKeras1Weights(file, group);
    List<Runnable> assignments = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String className = Keras3Weights.className(layer);
      List<Dataset> ds = fileWeights.get(i);
      List<Variable> vars = layer.weights();
      List<Tensor> joined = converted(file, className, ds, keras1, backend);
      int count = joined == null ? ds.size() : joined.size();
      if (count != vars.size()) {
        throw new KerasFileException(
            file,
            "layer '"
                + layer.name()
                + "' ("
                + className
                + ") has "
                + vars.size()
                + " weights; the file's layer '"
                + fileLayers.get(i)
                + "' has "
                + count);
      }
      List<Tensor> values = new ArrayList<>();
      for (int j = 0; j < vars.size(); j++) {
        Tensor t = joined == null ? Hdf5.tensor(file, ds.get(j)) : joined.get(j);
        String where =
            joined == null
                ? ds.get(j).getPath()
                : ds.get(j < ds.size() ? j : 0).getPath() + " (converted from Keras 1 or Theano)";
        Keras3Weights.checkShape(file, layer, vars.get(j), where, t);
        values.add(t);
      }
      assignments.add(() -> layer.setWeights(values));
    }
    assignments.forEach(Runnable::run);
  }

  /** An attribute of the weights group, else of the file's root (Keras 1 wrote it there). */
  private static String attribute(Path file, Group group, String name) {
    String v = Hdf5.stringAttribute(file, group, name);
    return v != null ? v : Hdf5.stringAttribute(file, group.getHdfFile(), name);
  }

  /** As Keras 2: weights without a keras_version are Keras 1's (only per-gate counts differ). */
  private static boolean isKeras1Weights(Path file, Group group) {
    String version = attribute(file, group, "keras_version");
    return version == null || Keras1Configs.isKeras1(version);
  }

  /**
   * A layer's values from the file converted as Keras 2's {@code preprocess_weights_for_loading}
   * did (Keras 1 per-gate recurrent arrays joined, Theano convolution kernels flipped), or null
   * when nothing converts (the datasets are then read one by one).
   */
  private static List<Tensor> converted(
      Path file, String className, List<Dataset> ds, boolean keras1, String backend) {
    boolean join = keras1 && Keras1Configs.joinsWeights(className, ds.size());
    boolean flip = !ds.isEmpty() && TheanoKernels.converts(backend, className);
    if (!join && !flip) {
      return null;
    }
    List<Tensor> values = new ArrayList<>();
    for (Dataset d : ds) {
      values.add(Hdf5.tensor(file, d));
    }
    if (join) {
      values = Keras1Configs.weights(className, values);
    }
    return flip ? TheanoKernels.convert(className, values) : values;
  }
}

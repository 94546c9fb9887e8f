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
import java.util.Set;

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
 * per-gate recurrent weights translated as Keras 2 did. Convolution kernels saved by the Theano
 * backend (flipped) are refused.
 */
final class LegacyH5 {
  /** Layers whose kernels Keras flips when the file was written by Theano. */
  private static final Set<String> THEANO_FLIPPED =
      Set.of("Conv1D", "Conv2D", "Conv3D", "Conv2DTranspose");

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
   * passed.
   */
  static void loadWeightsByName(Path file, Group group, Model model, boolean skipMismatch) {
    List<String> layerNames = Hdf5.stringsAttribute(file, group, "layer_names");
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
        if (ds.size() != vars.size()) {
          String msg =
              "layer #"
                  + k
                  + " (named "
                  + layer.name()
                  + ") due to mismatch in number of weights. Layer expects "
                  + vars.size()
                  + " weight(s). Received "
                  + ds.size()
                  + " saved weight(s)";
          if (skipMismatch) {
            LOG.log(System.Logger.Level.WARNING, "Skipping loading of weights for " + msg);
            continue;
          }
          throw new KerasFileException(file, "Weight count mismatch for " + msg);
        }
        for (int i = 0; i < vars.size(); i++) {
          Variable v = vars.get(i);
          Tensor t = Hdf5.tensor(file, ds.get(i));
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
                    + ds.get(i).getPath()
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
    String backend = Hdf5.stringAttribute(file, group, "backend");
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
    String version = Hdf5.stringAttribute(file, group, "keras_version");
    if (version == null) {
      version = Hdf5.stringAttribute(file, group.getHdfFile(), "keras_version");
    }
    // As Keras 2: weights without a keras_version are Keras 1's (only the per-gate counts differ).
    boolean keras1 = version == null || Keras1Configs.isKeras1(version);
    List<Runnable> assignments = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      String className = Keras3Weights.className(layer);
      List<Dataset> ds = fileWeights.get(i);
      List<Variable> vars = layer.weights();
      List<Tensor> joined = null;
      if (keras1 && Keras1Configs.joinsWeights(className, ds.size())) {
        List<Tensor> perGate = new ArrayList<>();
        for (Dataset d : ds) {
          perGate.add(Hdf5.tensor(file, d));
        }
        joined = Keras1Configs.weights(className, perGate);
      }
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
      if ("theano".equals(backend) && THEANO_FLIPPED.contains(className)) {
        throw new KerasFileException(
            file,
            "layer '"
                + layer.name()
                + "' ("
                + className
                + ") has convolution kernels saved by the Theano backend (flipped), which"
                + " keras4j does not convert yet. Received: backend=theano");
      }
      List<Tensor> values = new ArrayList<>();
      for (int j = 0; j < vars.size(); j++) {
        Tensor t = joined == null ? Hdf5.tensor(file, ds.get(j)) : joined.get(j);
        String where =
            joined == null
                ? ds.get(j).getPath()
                : ds.get(0).getParent().getPath() + " (Keras 1 per-gate arrays, joined)";
        Keras3Weights.checkShape(file, layer, vars.get(j), where, t);
        values.add(t);
      }
      assignments.add(() -> layer.setWeights(values));
    }
    assignments.forEach(Runnable::run);
  }
}

package io.keras4j.saving;

import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Json;
import io.keras4j.layers.Bidirectional;
import io.keras4j.layers.Layer;
import io.keras4j.layers.RNN;
import io.keras4j.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The TensorFlow.js layers format: a directory with {@code model.json} ({@code format:
 * "layers-model"}, the Keras topology under {@code modelTopology}, the {@code weightsManifest}) and
 * the weight shards it lists ({@code group1-shard1of1.bin} ...), as {@code tensorflowjs_converter}
 * and {@code model.save} of TensorFlow.js write it.
 *
 * <p>Reading matches each weight of the manifest to its layer by name ({@code dense/kernel}, also
 * under a model prefix such as {@code sequential/dense/kernel}); within a layer by the weight's own
 * name, else in order. Every count and shape is checked before any weight changes. Quantized
 * weights are refused.
 *
 * <p>Writing gives the topology in the Keras 2 dialect TensorFlow.js 4.22 loads, weights named as
 * TensorFlow.js names them ({@code <layer>/<weight>}), shards of at most 4 MB, all written into a
 * temporary directory next to the target and then moved in place.
 */
public final class TfJsLayers {
  /** The name of the topology and manifest file. */
  public static final String MODEL_JSON = "model.json";

  private TfJsLayers() {}

  /** True when the JSON object is a TF.js {@code model.json} (it has a {@code modelTopology}). */
  static boolean isModelJson(Map<String, Object> json) {
    return json.containsKey("modelTopology");
  }

  /**
   * A TF.js layers model with its weights, from its {@code model.json} or its directory.
   *
   * @throws KerasFileException naming the file and what is wrong with it
   */
  @SuppressWarnings("unchecked")
  public static Model load(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(MODEL_JSON) : path;
    Path dir = file.toAbsolutePath().getParent();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > KerasFiles.MAX_CONFIG_BYTES) {
        throw new KerasFileException(
            file, "model.json has " + size + " bytes, more than " + KerasFiles.MAX_CONFIG_BYTES);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the file (" + e + ")", e);
    }
    Map<String, Object> json = KerasFiles.readJson(file, bytes);
    Object format = json.get("format");
    if (format != null && !"layers-model".equals(format)) {
      throw new KerasFileException(
          file,
          "only the TF.js layers format is read (a graph model holds no Keras layers). Received:"
              + " format="
              + format);
    }
    if (!(json.get("modelTopology") instanceof Map<?, ?> topology)) {
      throw new KerasFileException(file, "model.json has no modelTopology object");
    }
    Map<String, Object> config = (Map<String, Object>) topology;
    if (config.get("model_config") instanceof Map<?, ?> inner) {
      config = (Map<String, Object>) inner;
    }
    TfJsTopology.shiftNestedNodes(config, -1);
    Model model = KerasFiles.fromConfig(file, config);
    Object manifest = json.get("weightsManifest");
    if (manifest == null) {
      if (!model.weights().isEmpty()) {
        throw new KerasFileException(file, "model.json has no weightsManifest");
      }
      return model;
    }
    assign(file, model, TfJsWeights.read(file, dir, manifest));
    return model;
  }

  /**
   * Writes the model into {@code dir} in the TF.js layers format: {@code model.json} and the weight
   * shards. The directory is created; an existing one is replaced only when it holds a TF.js model
   * and nothing else. The files are written into a temporary directory next to it first, so a
   * process stopped during the save leaves the previous model intact.
   */
  public static void save(Model model, Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (Files.exists(target)) {
      checkReplaceable(target);
    }
    Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    Path old = parent.resolve("." + target.getFileName() + ".old-" + UUID.randomUUID());
    try {
      Files.createDirectories(parent);
      Files.createDirectory(tmp);
      try {
        writeInto(model, tmp);
        if (Files.exists(target)) {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          deleteTree(old);
        } else {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
      } finally {
        if (Files.exists(tmp)) {
          deleteTree(tmp);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the model into " + dir + ": " + e, e);
    }
  }

  private static void writeInto(Model model, Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    List<Tensor> values = new ArrayList<>();
    collectNamed(model, names, values);
    Map<String, Object> topology = new LinkedHashMap<>();
    topology.put("keras_version", "3.0.0");
    topology.put("backend", "tensorflow");
    Map<String, Object> config = TfJsTopology.forTfJs(Json.readObject(model.toJson()));
    Keras2HardSigmoid.markForTfJs(config, Keras2HardSigmoid.layers(model), false);
    topology.put("model_config", config);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", "layers-model");
    json.put("generatedBy", "keras4j");
    json.put("convertedBy", "keras4j TfJsLayers");
    json.put("modelTopology", topology);
    json.put("weightsManifest", TfJsWeights.write(dir, names, values));
    Files.writeString(dir.resolve(MODEL_JSON), Json.write(json), StandardCharsets.UTF_8);
  }

  /** The weights of every layer, named as TensorFlow.js names them: {@code <layer>/<weight>}. */
  private static void collectNamed(Model model, List<String> names, List<Tensor> values) {
    for (Layer layer : model.layers()) {
      if (layer instanceof Model nested) {
        collectNamed(nested, names, values);
        continue;
      }
      List<Variable> vars = layer.weights();
      if (layer instanceof Bidirectional b) {
        bidirectionalNames(b, names, values);
        continue;
      }
      Set<String> own = new HashSet<>();
      boolean unique = true;
      for (Variable v : vars) {
        unique &= own.add(v.name());
      }
      for (Variable v : vars) {
        names.add(layer.name() + "/" + (unique ? v.name() : v.path()));
        values.add(v.numpy());
      }
    }
  }

  /**
   * TensorFlow.js names a Bidirectional's weights {@code <layer>/forward_<inner>/<weight>} and
   * {@code <layer>/backward_<inner>/<weight>}, {@code <inner>} the forward layer's name, and builds
   * the backward layer from the forward layer's config (it reads no {@code backward_layer}).
   */
  private static void bidirectionalNames(Bidirectional b, List<String> names, List<Tensor> values) {
    Map<String, Object> forward = new HashMap<>(b.forwardLayer().getConfig());
    Map<String, Object> backward = new HashMap<>(b.backwardLayer().getConfig());
    for (String k : List.of("name", "go_backwards")) {
      forward.remove(k);
      backward.remove(k);
    }
    if (!Json.write(forward).equals(Json.write(backward))) {
      throw new IllegalArgumentException(
          "Layer '"
              + b.name()
              + "' (Bidirectional) has a backward_layer configured unlike its forward layer;"
              + " TensorFlow.js builds the backward layer from the forward one, so the TF.js"
              + " format cannot hold it");
    }
    String inner = b.forwardLayer().name();
    for (RNN rnn : List.of(b.forwardLayer(), b.backwardLayer())) {
      String prefix = b.name() + (rnn == b.forwardLayer() ? "/forward_" : "/backward_") + inner;
      for (Variable v : rnn.weights()) {
        names.add(prefix + "/" + v.name());
        values.add(v.numpy());
      }
    }
  }

  /** Assigns the manifest's weights to the model's layers, everything checked first. */
  private static void assign(Path file, Model model, List<TfJsWeights.Named> stored) {
    List<Layer> layers = new ArrayList<>();
    weightedLayers(model, layers);
    Map<String, Layer> byName = new HashMap<>();
    for (Layer l : layers) {
      byName.put(l.name(), l);
    }
    Map<Layer, List<TfJsWeights.Named>> owned = new LinkedHashMap<>();
    List<String> orphans = new ArrayList<>();
    for (TfJsWeights.Named w : stored) {
      Layer owner = null;
      String[] parts = w.name().split("/");
      for (int i = 0; i < parts.length - 1 && owner == null; i++) {
        owner = byName.get(parts[i]);
      }
      if (owner == null) {
        orphans.add(w.name());
      } else {
        owned.computeIfAbsent(owner, k -> new ArrayList<>()).add(w);
      }
    }
    if (!orphans.isEmpty()) {
      throw new KerasFileException(
          file,
          "weightsManifest has weights of no layer of the model: "
              + orphans
              + " (the model's layers with weights: "
              + byName.keySet()
              + ")");
    }
    List<Runnable> assignments = new ArrayList<>();
    for (Layer layer : layers) {
      List<TfJsWeights.Named> ws = owned.getOrDefault(layer, List.of());
      List<Variable> vars = layer.weights();
      if (ws.size() != vars.size()) {
        throw new KerasFileException(
            file,
            "layer '"
                + layer.name()
                + "' ("
                + Keras3Weights.className(layer)
                + ") has "
                + vars.size()
                + " weights; weightsManifest has "
                + ws.size()
                + " for it "
                + ws.stream().map(TfJsWeights.Named::name).toList());
      }
      List<TfJsWeights.Named> ordered = byVariableName(layer, vars, ws);
      List<Tensor> values = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        Variable v = vars.get(i);
        Tensor t = ordered.get(i).value();
        Keras3Weights.checkShape(file, layer, v, ordered.get(i).name(), t);
        if (v.dtype() != t.dtype()) {
          t = v.dtype().isFloating() ? toFloat(t) : t;
        }
        values.add(t);
      }
      assignments.add(() -> layer.setWeights(values));
    }
    assignments.forEach(Runnable::run);
  }

  /** The stored weights in the order of the layer's variables when all names match, else as is. */
  private static List<TfJsWeights.Named> byVariableName(
      Layer layer, List<Variable> vars, List<TfJsWeights.Named> ws) {
    Map<String, TfJsWeights.Named> last = new HashMap<>();
    for (TfJsWeights.Named w : ws) {
      String n = w.name();
      last.put(n.substring(n.lastIndexOf('/') + 1), w);
    }
    List<TfJsWeights.Named> out = new ArrayList<>();
    for (Variable v : vars) {
      TfJsWeights.Named w = last.get(v.name());
      if (w == null || out.contains(w)) {
        return ws;
      }
      out.add(w);
    }
    return out;
  }

  private static void weightedLayers(Model model, List<Layer> out) {
    for (Layer l : model.layers()) {
      if (l instanceof Model nested) {
        weightedLayers(nested, out);
      } else if (!l.weights().isEmpty()) {
        out.add(l);
      }
    }
  }

  private static Tensor toFloat(Tensor t) {
    int[] v = t.toIntArray();
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = v[i];
    }
    return Tensor.of(f, t.shape());
  }

  /** An existing target must be a directory holding a TF.js model and nothing else. */
  private static void checkReplaceable(Path target) {
    if (!Files.isDirectory(target)) {
      throw new IllegalArgumentException(
          "A TF.js model is saved into a directory; " + target + " exists and is not one");
    }
    Set<String> expected = new HashSet<>();
    Path json = target.resolve(MODEL_JSON);
    if (Files.isRegularFile(json)) {
      expected.add(MODEL_JSON);
      try {
        Object manifest =
            KerasFiles.readJson(json, Files.readAllBytes(json)).get("weightsManifest");
        if (manifest instanceof List<?> groups) {
          for (Object g : groups) {
            if (g instanceof Map<?, ?> m && m.get("paths") instanceof List<?> paths) {
              paths.forEach(p -> expected.add(String.valueOf(p)));
            }
          }
        }
      } catch (IOException | KerasFileException e) {
        // an unreadable model.json: only model.json itself is expected then
      }
    }
    List<String> others = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(target)) {
      for (Path p : files) {
        if (!expected.contains(p.getFileName().toString())) {
          others.add(p.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + target + ": " + e, e);
    }
    if (!others.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot save a TF.js model into "
              + target
              + ": the directory holds files that are not part of a TF.js model, which saving"
              + " would delete. Received: "
              + others);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

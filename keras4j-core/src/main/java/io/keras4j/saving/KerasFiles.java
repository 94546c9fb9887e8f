package io.keras4j.saving;

import io.jhdf.HdfFile;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads models written by Keras: Keras 3 {@code .keras} zips and legacy HDF5 {@code .h5} files
 * (Keras 2.x and 3.x), told apart by their first bytes, not by their extension, and TensorFlow.js
 * layers models ({@code model.json} or its directory, see {@link TfJsLayers}); a bare JSON topology
 * is recognized and refused: it has no weights. Nothing in a file is executed: classes are looked
 * up in {@link LayerRegistry}, {@code Lambda} and unknown classes are refused with an error naming
 * the class and the file.
 */
public final class KerasFiles {
  /** The largest {@code config.json} read (Keras's are a few kB; big models a few MB). */
  static final long MAX_CONFIG_BYTES = 64L << 20;

  /** The largest weights file read: weights are held in memory, in one array. */
  static final long MAX_WEIGHTS_BYTES = Integer.MAX_VALUE - 64;

  private KerasFiles() {}

  /** What a file holds, from its first bytes. */
  enum Kind {
    ZIP,
    HDF5,
    JSON,
    UNKNOWN
  }

  /** A model with its weights; see {@link Model#load(Path)}. */
  public static Model loadModel(Path file) {
    if (Files.isDirectory(file)) {
      return TfJsLayers.load(file);
    }
    return switch (kind(file)) {
      case ZIP -> loadKeras(file);
      case HDF5 -> LegacyH5.load(file, readAll(file));
      case JSON -> {
        if (looksLikeTfJs(file)) {
          yield TfJsLayers.load(file);
        }
        throw new KerasFileException(
            file,
            "a JSON topology holds no weights; build its model with Models.modelFromJson and"
                + " load weights separately");
      }
      case UNKNOWN ->
          throw new KerasFileException(
              file,
              "not a Keras file: it is neither a zip (.keras), HDF5 (.h5) nor JSON (first bytes"
                  + " checked)");
    };
  }

  /**
   * Saves a model as a Keras 3 {@code .keras} file (config, compile config, weights and optimizer
   * state), or as a legacy HDF5 file when the name ends in {@code .h5} or {@code .hdf5},
   * atomically: a failure leaves any previous file intact.
   */
  public static void saveModel(Model model, Path file) {
    KerasArchiveWriter.saveModel(model, file, entry -> {});
  }

  /** Saves a model's weights as a Keras 3 {@code .weights.h5} file, atomically. */
  public static void saveWeights(Model model, Path file) {
    KerasArchiveWriter.saveWeights(model, file, entry -> {});
  }

  /**
   * Weights of a {@code .weights.h5} file (Keras 3 layout; with the optimizer state when the model
   * is compiled) or a legacy .h5, into a built model.
   */
  public static void loadWeights(Model model, Path file) {
    loadWeights(model, file, false, false);
  }

  /**
   * As {@link #loadWeights(Model, Path)}; with {@code byName} the weights of a legacy {@code .h5}
   * go to the layers of the same name (layers the file lacks keep theirs), and with {@code
   * skipMismatch} a layer or weight whose count or shape differs is skipped with a logged warning
   * instead of refused, as Keras's {@code load_weights(by_name=True, skip_mismatch=True)}; a Keras
   * 3 {@code .weights.h5} takes {@code skipMismatch} alone (its layers are matched by position).
   */
  public static void loadWeights(Model model, Path file, boolean byName, boolean skipMismatch) {
    byte[] bytes = readAll(file);
    if (!Hdf5.hasSignature(bytes)) {
      throw new KerasFileException(file, "not an HDF5 weights file (no HDF5 signature)");
    }
    try (HdfFile h5 = Hdf5.open(file, bytes)) {
      if (Hdf5.childGroup(file, h5, "layers") != null) {
        if (byName) {
          throw new KerasFileException(
              file,
              "byName=true applies to legacy .h5 files (with layer_names); this is a Keras 3"
                  + " weights file, whose weights are matched by layer position");
        }
        Keras3Weights.load(file, h5, model, skipMismatch);
        if (model.isCompiled()) { // as Keras's load_weights: the optimizer's state too
          CompiledState.loadOptimizer(file, h5, model);
        }
      } else {
        if (skipMismatch && !byName) {
          throw new IllegalArgumentException(
              "skipMismatch=true with a legacy .h5 file needs byName=true, as its layers are"
                  + " otherwise matched in order. Received: byName=false, skipMismatch=true");
        }
        io.jhdf.api.Group weights = Hdf5.childGroup(file, h5, "model_weights");
        io.jhdf.api.Group group = weights == null ? h5 : weights;
        if (byName) {
          LegacyH5.loadWeightsByName(file, group, model, skipMismatch);
        } else {
          LegacyH5.loadWeights(file, group, model);
        }
      }
    }
  }

  /** A JSON file with a {@code modelTopology}: a TF.js {@code model.json}. */
  private static boolean looksLikeTfJs(Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the file (" + e + ")", e);
    }
    if (size > MAX_CONFIG_BYTES) {
      throw new KerasFileException(
          file, "the JSON file has " + size + " bytes, more than " + MAX_CONFIG_BYTES);
    }
    return TfJsLayers.isModelJson(readJson(file, readAll(file)));
  }

  static Kind kind(Path file) {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the file (" + e + ")", e);
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return Kind.ZIP;
    }
    if (n == 8 && Hdf5.hasSignature(head)) {
      return Kind.HDF5;
    }
    for (int i = 0; i < n; i++) {
      if (!Character.isWhitespace(head[i])) {
        return head[i] == '{' ? Kind.JSON : Kind.UNKNOWN;
      }
    }
    return Kind.UNKNOWN;
  }

  @SuppressWarnings("unchecked")
  private static Model loadKeras(Path file) {
    Map<String, Long> limits = new LinkedHashMap<>();
    limits.put("metadata.json", 1L << 20);
    limits.put("config.json", MAX_CONFIG_BYTES);
    limits.put("model.weights.h5", MAX_WEIGHTS_BYTES);
    Map<String, byte[]> entries = SafeZip.read(file, limits);
    if (entries.get("config.json") == null) {
      throw new KerasFileException(file, "the .keras zip has no config.json entry");
    }
    Map<String, Object> config = readJson(file, entries.get("config.json"));
    Model model = fromConfig(file, config);
    byte[] weights = entries.get("model.weights.h5");
    if (weights == null) {
      if (!model.weights().isEmpty()) {
        throw new KerasFileException(file, "the .keras zip has no model.weights.h5 entry");
      }
      restoreAssets(file, model);
      if (config.get("compile_config") instanceof Map<?, ?> cc) {
        CompiledState.compile(file, model, (Map<String, Object>) cc);
      }
      return model;
    }
    try (HdfFile h5 = Hdf5.open(file, weights)) {
      Keras3Weights.load(file, h5, model);
      restoreAssets(file, model);
      if (config.get("compile_config") instanceof Map<?, ?> cc
          && CompiledState.compile(file, model, (Map<String, Object>) cc)) {
        CompiledState.loadOptimizer(file, h5, model);
      }
    }
    return model;
  }

  /** The layers' {@code assets/} files (a learned vocabulary), after the weights as in Keras. */
  private static void restoreAssets(Path file, Model model) {
    KerasAssets.restore(
        file,
        model,
        SafeZip.readUnder(file, KerasAssets.PREFIX, MAX_CONFIG_BYTES, MAX_WEIGHTS_BYTES));
  }

  static Model fromConfig(Path file, Map<String, Object> config) {
    try {
      return Models.fromConfig(unwrap(config));
    } catch (KerasFileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KerasFileException(file, "unusable model config: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw new KerasFileException(file, "the model config is nested too deeply");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> unwrap(Map<String, Object> top) {
    if (top.get("model_config") instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    return top;
  }

  static Map<String, Object> readJson(Path file, byte[] bytes) {
    try {
      return Json.readObject(new String(bytes, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new KerasFileException(file, "unreadable JSON (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] readAll(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_WEIGHTS_BYTES) {
        throw new KerasFileException(
            file, "the file has " + size + " bytes, more than " + MAX_WEIGHTS_BYTES);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KerasFileException(file, "cannot read the file (" + e + ")", e);
    }
  }
}

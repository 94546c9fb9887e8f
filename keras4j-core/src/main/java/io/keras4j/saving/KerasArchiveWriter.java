package io.keras4j.saving;

import io.keras4j.internal.AtomicWrite;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes Keras 3 files: a {@code .keras} zip ({@code metadata.json}, {@code config.json}, {@code
 * model.weights.h5}, then any layer's {@code assets/} files such as a learned vocabulary, stored
 * uncompressed as Keras stores them), {@code .weights.h5} files, and legacy HDF5 {@code .h5}/{@code
 * .hdf5} model files ({@link LegacyH5Writer}). Atomically: the bytes go to a temporary file in the
 * target's directory, which then replaces the target in one rename; a failure leaves any previous
 * file as it was. Nothing else is written.
 */
final class KerasArchiveWriter {
  /** The Keras version keras4j follows, written as {@code keras_version}. */
  static final String KERAS_VERSION = "3.13.2";

  private static final DateTimeFormatter DATE_SAVED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss");

  /** A step of writing, for tests that make a save fail midway. */
  interface Hook {
    void afterEntry(String name) throws IOException;
  }

  private KerasArchiveWriter() {}

  static void saveModel(Model model, Path file, Hook hook) {
    String name = String.valueOf(file.getFileName());
    if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras")) {
      Keras2HardSigmoid.refuseKeras3(model, file);
    }
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      byte[] h5 = Hdf5Writer.write(LegacyH5Writer.of(model));
      atomically(
          file,
          out -> {
            out.write(h5, 0, h5.length / 2);
            hook.afterEntry("half");
            out.write(h5, h5.length / 2, h5.length - h5.length / 2);
          });
      return;
    }
    if (!name.endsWith(".keras")) {
      throw new IllegalArgumentException(
          "Invalid filepath extension for saving. Please add either a `.keras` extension for the"
              + " native Keras format (recommended) or a `.h5` extension. Received: filepath="
              + file);
    }
    Map<String, Object> config = Json.readObject(model.toJson());
    if (model.isCompiled()) {
      config.put("compile_config", CompileConfig.of(model.compileOptions()));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("keras_version", KERAS_VERSION);
    metadata.put("date_saved", LocalDateTime.now().format(DATE_SAVED));
    byte[] weights = Hdf5Writer.write(Keras3WeightsWriter.of(model, true));
    Map<String, byte[]> assets;
    try {
      assets = KerasAssets.collect(model);
    } catch (IllegalStateException e) {
      throw KerasFileException.onSave(file, e.getMessage(), e);
    }
    atomically(
        file,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            stored(zip, "metadata.json", Json.write(metadata).getBytes(StandardCharsets.UTF_8));
            hook.afterEntry("metadata.json");
            stored(zip, "config.json", Json.write(config).getBytes(StandardCharsets.UTF_8));
            hook.afterEntry("config.json");
            stored(zip, "model.weights.h5", weights);
            hook.afterEntry("model.weights.h5");
            for (Map.Entry<String, byte[]> a : assets.entrySet()) {
              stored(zip, a.getKey(), a.getValue());
            }
          }
        });
  }

  static void saveWeights(Model model, Path file, Hook hook) {
    String name = String.valueOf(file.getFileName());
    if (!name.endsWith(".weights.h5")) {
      throw new IllegalArgumentException(
          "The filename must end in `.weights.h5`. Received: filepath=" + file);
    }
    byte[] weights = Hdf5Writer.write(Keras3WeightsWriter.of(model, true));
    atomically(
        file,
        out -> {
          out.write(weights, 0, weights.length / 2);
          hook.afterEntry("half");
          out.write(weights, weights.length / 2, weights.length - weights.length / 2);
        });
  }

  private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(bytes.length);
    e.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** Writes to a temporary file next to {@code file}, then renames it over {@code file}. */
  private static void atomically(Path file, AtomicWrite.Body body) {
    if (Files.isDirectory(file.toAbsolutePath().normalize())) {
      throw KerasFileException.onSave(file, "the path is a directory", null);
    }
    try {
      AtomicWrite.write(file, body);
    } catch (IOException e) {
      throw KerasFileException.onSave(file, e.toString(), e);
    }
  }
}

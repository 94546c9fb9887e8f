package io.keras4j.spark;

import io.keras4j.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model and its weights as bytes, to ship them between the driver and the tasks: the {@code
 * .keras} file (config, compile config, weights, optimizer state) and the {@code .weights.h5} file
 * (weights and optimizer state), through temporary files that are deleted at once.
 */
final class ModelBytes {
  private ModelBytes() {}

  /** The model as a {@code .keras} file's bytes. */
  static byte[] model(Model model) {
    return withTemp(".keras", p -> model.save(p));
  }

  /** The model read back from {@link #model} bytes. */
  static Model loadModel(byte[] bytes) {
    Path p = write(bytes, ".keras");
    try {
      return Model.load(p);
    } finally {
      delete(p);
    }
  }

  /** The weights and optimizer state as a {@code .weights.h5} file's bytes. */
  static byte[] weights(Model model) {
    return withTemp(".weights.h5", p -> model.saveWeights(p));
  }

  /** Reads {@link #weights} bytes into {@code model} (and its optimizer's state). */
  static void loadWeights(Model model, byte[] bytes) {
    Path p = write(bytes, ".weights.h5");
    try {
      model.loadWeights(p);
    } finally {
      delete(p);
    }
  }

  private interface Saver {
    void save(Path p);
  }

  private static byte[] withTemp(String suffix, Saver saver) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("keras4j-spark");
      Path p = dir.resolve("model" + suffix);
      saver.save(p);
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("keras4j-spark: could not write a temporary " + suffix, e);
    } finally {
      if (dir != null) {
        delete(dir.resolve("model" + suffix));
        delete(dir);
      }
    }
  }

  private static Path write(byte[] bytes, String suffix) {
    try {
      Path dir = Files.createTempDirectory("keras4j-spark");
      Path p = dir.resolve("model" + suffix);
      Files.write(p, bytes);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("keras4j-spark: could not write a temporary " + suffix, e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
      Path parent = p.getParent();
      if (parent != null && parent.getFileName().toString().startsWith("keras4j-spark")) {
        Files.deleteIfExists(parent);
      }
    } catch (IOException ignored) {
      // a temporary file left behind is harmless
    }
  }
}

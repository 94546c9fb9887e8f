package io.keras4j.datasets;

import io.keras4j.data.CsvReader;
import io.keras4j.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the CSV files bundled with keras4j under {@code io/keras4j/datasets/}. */
final class Resources {
  private Resources() {}

  static Dataset readCsv(String fileName, CsvReader reader) {
    // Looked up next to this class, in the package io/keras4j/datasets of the jar.
    String path = "io/keras4j/datasets/" + fileName;
    try (InputStream in = Resources.class.getResourceAsStream(fileName)) {
      if (in == null) {
        throw new IllegalStateException(
            "The bundled dataset file " + path + " is missing from the classpath");
      }
      return reader.read(in, fileName);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled dataset file " + path, e);
    }
  }
}

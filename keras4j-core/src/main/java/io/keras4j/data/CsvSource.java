package io.keras4j.data;

import io.keras4j.Tensor;
import io.keras4j.models.StepData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of a CSV file read lazily (one line at a time, the file reopened each pass) with a
 * {@link CsvReader}'s settings: each element is one sample, input {@code (features,)} float32 and
 * target {@code ()} for one label column or {@code (labels,)} for several (none without label
 * columns), as {@link CsvReader#read} gives them row by row.
 */
final class CsvSource extends Stage {
  private final Path path;
  private final CsvReader config;

  CsvSource(Path path, CsvReader config) {
    super(null);
    this.path = path;
    this.config = config;
  }

  @Override
  long cardinality() {
    return UNKNOWN;
  }

  @Override
  Boolean batched() {
    return false;
  }

  @Override
  String name() {
    return "fromCsv(" + path.getFileName() + ")";
  }

  @Override
  DatasetIterator open(long pass) {
    BufferedReader reader;
    CsvStream rows;
    try {
      reader =
          new BufferedReader(
              new InputStreamReader(
                  CsvReader.decompressed(Files.newInputStream(path)), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Dataset.fromCsv: cannot read " + path + ": " + e, e);
    }
    try {
      rows = new CsvStream(config, reader, path.toString());
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader);
      throw failure(0, e);
    }
    return new Pull() {
      @Override
      StepData produce() {
        try {
          if (!rows.next()) {
            return null;
          }
        } catch (IOException | RuntimeException e) {
          throw failure(delivered, e);
        }
        Tensor x = Tensor.of(rows.x, rows.x.length);
        int k = rows.labels();
        if (k == 0) {
          return new StepData(List.of(x), List.of(), null);
        }
        int[] shape = k == 1 ? new int[0] : new int[] {k};
        Tensor y =
            rows.yInt != null ? Tensor.ofInts(rows.yInt, shape) : Tensor.of(rows.yFloat, shape);
        return new StepData(List.of(x), List.of(y), null);
      }

      @Override
      public void close() {
        closeQuietly(reader);
      }
    };
  }

  private static void closeQuietly(BufferedReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written: a failed close loses nothing
    }
  }
}

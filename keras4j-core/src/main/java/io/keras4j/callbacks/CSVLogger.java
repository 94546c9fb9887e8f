package io.keras4j.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one CSV row per epoch, as Keras's {@code keras.callbacks.CSVLogger}: the columns are
 * "epoch" then the log names of the first epoch, sorted, plus their "val_" twins when the first
 * epoch had no validation values; missing values are written "NA", numbers as Python prints them.
 * Rows end with {@code \r\n} (Python's csv "excel" dialect) and are flushed one by one. With {@code
 * append} an existing file keeps its content and gets no second header.
 */
public class CSVLogger extends Callback {
  private final Path filename;
  private String separator = ",";
  private boolean append;

  private Writer writer;
  private List<String> keys;
  private boolean appendHeader = true;
  private boolean headerDone;

  /** Logs to the file at {@code filename}. */
  public CSVLogger(String filename) {
    this(filename == null ? null : Path.of(filename));
  }

  /** Logs to {@code filename}. */
  public CSVLogger(Path filename) {
    if (filename == null) {
      throw new IllegalArgumentException(
          "CSVLogger: filename must not be null. Received: filename=null");
    }
    this.filename = filename;
  }

  /** The separator between fields (default ","). */
  public CSVLogger separator(String separator) {
    if (separator == null || separator.length() != 1) {
      throw new IllegalArgumentException(
          "CSVLogger: separator must be a 1-character string. Received: separator="
              + (separator == null ? "null" : "'" + separator + "'"));
    }
    this.separator = separator;
    return this;
  }

  /** Append to an existing file (true) or overwrite it (false, default). */
  public CSVLogger append(boolean append) {
    this.append = append;
    return this;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    try {
      // Keras writes the header unless it appends to a file that already has a first line.
      appendHeader = !(append && Files.exists(filename) && Files.size(filename) > 0);
      close();
      Path parent = filename.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      writer =
          append
              ? Files.newBufferedWriter(
                  filename,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND)
              : Files.newBufferedWriter(filename, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger: cannot open " + filename, e);
    }
    keys = null;
    headerDone = false;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (writer == null) {
      throw new IllegalStateException(
          "CSVLogger: onEpochEnd called before onTrainBegin (the file is not open). Received:"
              + " epoch="
              + epoch);
    }
    if (keys == null) {
      keys = new ArrayList<>(logs == null ? List.of() : logs.keySet());
      keys.sort(null);
      boolean hasVal = keys.stream().anyMatch(k -> k.startsWith("val_"));
      if (!hasVal && !keys.isEmpty()) {
        for (String k : List.copyOf(keys)) {
          keys.add("val_" + k);
        }
      }
    }
    try {
      if (!headerDone) {
        if (appendHeader) {
          StringBuilder header = new StringBuilder(field("epoch"));
          for (String k : keys) {
            header.append(separator).append(field(k));
          }
          writer.write(header.append("\r\n").toString());
        }
        headerDone = true;
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = logs == null ? null : logs.get(k);
        row.append(separator).append(v == null ? "NA" : field(PyFormat.repr(v)));
      }
      writer.write(row.append("\r\n").toString());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("CSVLogger: cannot write " + filename, e);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    close();
  }

  private void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("CSVLogger: cannot close " + filename, e);
      } finally {
        writer = null;
      }
    }
  }

  /** Quotes a field as Python's csv module does with minimal quoting. */
  private String field(String s) {
    boolean quote =
        s.contains(separator)
            || s.indexOf('"') >= 0
            || s.indexOf('\n') >= 0
            || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}

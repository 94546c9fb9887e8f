package io.keras4j.data;

import io.keras4j.Tensor;
import io.keras4j.internal.Suggest;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a numeric CSV file (plain or gzip-compressed, recognized by its first bytes) into a {@link
 * Dataset}: the label columns become the target ({@code (n,)} for one column, {@code (n, k)} for
 * several) and the other columns the input {@code (n, features)}, float32.
 *
 * <pre>{@code
 * Dataset boston = new CsvReader().skipRows(1).header(true).labelColumns("MEDV").read(path);
 * Dataset digits = new CsvReader().labelColumns(-1).intLabels(true).read(digitsCsvGz);
 * }</pre>
 *
 * <p>Blank lines are skipped. A malformed line (a wrong number of fields, an empty field, a value
 * that is not a number) throws an {@link IllegalArgumentException} naming the source, the physical
 * line (1-based, every line counted), the column (1-based, with its name when there is a header)
 * and the value. I/O errors are thrown as {@link UncheckedIOException}.
 */
public final class CsvReader {
  private boolean header;
  private int skipRows;
  private String[] labelNames;
  private int[] labelIndices;
  private boolean intLabels;
  private char delimiter = ',';

  /** A reader with the defaults: no header, no label columns, comma-delimited, float labels. */
  public CsvReader() {}

  /** Whether the first row (after {@link #skipRows}) holds the column names (default false). */
  public CsvReader header(boolean header) {
    this.header = header;
    return this;
  }

  /** Lines to skip before the header or the data, e.g. a "506,13" line (default 0). */
  public CsvReader skipRows(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException(
          "CsvReader: skipRows must be >= 0. Received: skipRows=" + rows);
    }
    this.skipRows = rows;
    return this;
  }

  /** The label columns by header name (needs {@link #header}). */
  public CsvReader labelColumns(String... names) {
    for (String s : names) {
      if (s == null) {
        throw new IllegalArgumentException(
            "CsvReader: labelColumns names must not be null. Received: " + Arrays.toString(names));
      }
    }
    checkDistinct(Arrays.asList(names), names);
    this.labelNames = names.clone();
    this.labelIndices = null;
    return this;
  }

  /** The label columns by 0-based index; negative counts from the end ({@code -1} = last). */
  public CsvReader labelColumns(int... indices) {
    this.labelIndices = indices.clone();
    this.labelNames = null;
    return this;
  }

  /** One label column by 0-based index; negative counts from the end. */
  public CsvReader labelColumn(int index) {
    return labelColumns(index);
  }

  /** One label column by header name. */
  public CsvReader labelColumn(String name) {
    return labelColumns(name);
  }

  /** Whether labels are read as int32 class ids (default false: float32). */
  public CsvReader intLabels(boolean intLabels) {
    this.intLabels = intLabels;
    return this;
  }

  /** The field delimiter (default ','). */
  public CsvReader delimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException(
          "CsvReader: the delimiter cannot be a quote or a line break. Received: delimiter='"
              + delimiter
              + "'");
    }
    this.delimiter = delimiter;
    return this;
  }

  /** Reads a file (gzip-compressed or not). */
  public Dataset read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("CsvReader: cannot read " + path + ": " + e, e);
    }
  }

  /**
   * Reads a stream (gzip-compressed or not), which is not closed.
   *
   * @param sourceName the name used in error messages, e.g. a file name
   */
  public Dataset read(InputStream in, String sourceName) {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(decompressed(in), StandardCharsets.UTF_8));
      return parse(reader, sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException("CsvReader: cannot read " + sourceName + ": " + e, e);
    }
  }

  /** The stream, unzipped when it starts with the gzip magic bytes. */
  static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
    b.mark(2);
    int b0 = b.read();
    int b1 = b.read();
    b.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
  }

  private Dataset parse(BufferedReader reader, String source) throws IOException {
    CsvStream rows = new CsvStream(this, reader, source);
    FloatBuffer x = new FloatBuffer();
    FloatBuffer yFloat = new FloatBuffer();
    IntBuffer yInt = new IntBuffer();
    int n = 0;
    while (rows.next()) {
      x.addAll(rows.x);
      if (intLabels) {
        yInt.addAll(rows.yInt);
      } else {
        yFloat.addAll(rows.yFloat);
      }
      n++;
    }
    return toDataset(n, rows.columns(), rows.isLabel(), rows.names(), x, yFloat, yInt);
  }

  boolean hasHeader() {
    return header;
  }

  int skipRowCount() {
    return skipRows;
  }

  boolean intLabelsSet() {
    return intLabels;
  }

  char delimiterChar() {
    return delimiter;
  }

  private Dataset toDataset(
      int rows,
      int columns,
      boolean[] isLabel,
      List<String> names,
      FloatBuffer x,
      FloatBuffer yFloat,
      IntBuffer yInt) {
    int labels = 0;
    List<String> featureNames = names == null ? null : new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      if (isLabel[c]) {
        labels++;
      } else if (featureNames != null) {
        featureNames.add(names.get(c));
      }
    }
    Tensor xs = Tensor.of(x.toArray(), rows, columns - labels);
    if (labels == 0) {
      return Dataset.of(xs).withFeatureNames(featureNames);
    }
    int[] yShape = labels == 1 ? new int[] {rows} : new int[] {rows, labels};
    Tensor ys =
        intLabels ? Tensor.ofInts(yInt.toArray(), yShape) : Tensor.of(yFloat.toArray(), yShape);
    return Dataset.of(xs, ys).withFeatureNames(featureNames);
  }

  static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  static IllegalArgumentException fieldCount(
      CsvFields fields, int lineNo, int found, int expected, String line) {
    String detail =
        found < expected
            ? fields.where(lineNo, found + 1) + " is missing"
            : fields.where(lineNo, expected + 1) + " is one too many";
    return new IllegalArgumentException(
        "CsvReader: "
            + detail
            + ": expected "
            + expected
            + " fields, found "
            + found
            + ". Received: '"
            + line
            + "'");
  }

  /** Which columns are labels, from the names or indices given. */
  boolean[] labelMask(int columns, List<String> names, String source) {
    boolean[] mask = new boolean[columns];
    if (labelNames != null) {
      if (names == null) {
        throw new IllegalArgumentException(
            "CsvReader: label columns given by name need header(true). Received: labelColumns="
                + Arrays.toString(labelNames));
      }
      for (String n : labelNames) {
        int c = names.indexOf(n);
        if (c < 0) {
          throw new IllegalArgumentException(
              "CsvReader: "
                  + source
                  + " has no column '"
                  + n
                  + "'."
                  + Suggest.didYouMean(n, names)
                  + " Columns: "
                  + names
                  + ". Received: labelColumns="
                  + Arrays.toString(labelNames));
        }
        mask[c] = true;
      }
    } else if (labelIndices != null) {
      List<Integer> resolved = new ArrayList<>();
      for (int i : labelIndices) {
        int c = i < 0 ? i + columns : i;
        if (c < 0 || c >= columns) {
          throw new IllegalArgumentException(
              "CsvReader: label column index "
                  + i
                  + " is out of range for "
                  + source
                  + ", which has "
                  + columns
                  + " columns (valid: -"
                  + columns
                  + " to "
                  + (columns - 1)
                  + "). Received: labelColumns="
                  + Arrays.toString(labelIndices));
        }
        resolved.add(c);
        mask[c] = true;
      }
      checkDistinct(resolved, labelIndices);
    }
    int labels = 0;
    for (boolean b : mask) {
      labels += b ? 1 : 0;
    }
    if (labels == columns) {
      throw new IllegalArgumentException(
          "CsvReader: every column of "
              + source
              + " is a label column; at least one input column is needed. Received: labelColumns="
              + (labelNames != null ? Arrays.toString(labelNames) : Arrays.toString(labelIndices)));
    }
    return mask;
  }

  private static void checkDistinct(List<?> values, Object given) {
    if (values.stream().distinct().count() != values.size()) {
      String shown =
          given instanceof int[] a ? Arrays.toString(a) : Arrays.toString((Object[]) given);
      throw new IllegalArgumentException(
          "CsvReader: label columns must be distinct. Received: labelColumns=" + shown);
    }
  }

  /** A growable float array. */
  private static final class FloatBuffer {
    private float[] data = new float[1024];
    private int size;

    void add(float v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    void addAll(float[] vs) {
      for (float v : vs) {
        add(v);
      }
    }

    float[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }

  /** A growable int array. */
  private static final class IntBuffer {
    private int[] data = new int[256];
    private int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = v;
    }

    void addAll(int[] vs) {
      for (int v : vs) {
        add(v);
      }
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }
}

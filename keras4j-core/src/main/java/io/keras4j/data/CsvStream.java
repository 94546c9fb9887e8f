package io.keras4j.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV source read one data line at a time, with a {@link CsvReader}'s settings: the skipped rows
 * and the header are read when it is made, the columns and label mask are known after the header
 * (or the first data line). {@link CsvReader#read} gathers every row; {@link Dataset#fromCsv} keeps
 * one at a time.
 */
final class CsvStream {
  private final CsvReader config;
  private final BufferedReader reader;
  private final String source;
  private final CsvFields fields;
  private final List<String> row = new ArrayList<>();
  private List<String> names;
  private boolean[] isLabel;
  private int columns = -1;
  private int lineNo;
  private int labels;

  /** Values of the current row: inputs, and labels as floats or ints. */
  float[] x;

  float[] yFloat;
  int[] yInt;

  CsvStream(CsvReader config, BufferedReader reader, String source) throws IOException {
    this.config = config;
    this.reader = reader;
    this.source = source;
    this.fields = new CsvFields(source, config.delimiterChar());
    for (int i = 0; i < config.skipRowCount() && reader.readLine() != null; i++) {
      lineNo++;
    }
    if (config.hasHeader()) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        line = lineNo == 1 ? CsvReader.stripBom(line) : line;
        if (!line.isBlank()) {
          fields.split(line, lineNo, row);
          names = List.copyOf(row);
          fields.names(names);
          break;
        }
      }
      if (names == null) {
        throw new IllegalArgumentException(
            "CsvReader: "
                + source
                + " has no header line (header(true), skipRows="
                + config.skipRowCount()
                + ")");
      }
      columns = names.size();
      setColumns();
    }
  }

  private void setColumns() {
    isLabel = config.labelMask(columns, names, source);
    labels = 0;
    for (boolean b : isLabel) {
      labels += b ? 1 : 0;
    }
  }

  /** Reads the next data row into {@link #x} and the labels; false at the end of the source. */
  boolean next() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      line = lineNo == 1 ? CsvReader.stripBom(line) : line;
      if (line.isBlank()) {
        continue;
      }
      fields.split(line, lineNo, row);
      if (columns < 0) {
        columns = row.size();
        setColumns();
      }
      if (row.size() != columns) {
        throw CsvReader.fieldCount(fields, lineNo, row.size(), columns, line);
      }
      x = new float[columns - labels];
      yFloat = config.intLabelsSet() ? null : new float[labels];
      yInt = config.intLabelsSet() ? new int[labels] : null;
      int xi = 0;
      int yi = 0;
      for (int c = 0; c < columns; c++) {
        String f = row.get(c);
        if (!isLabel[c]) {
          x[xi++] = fields.parseFloat(f, lineNo, c + 1);
        } else if (yInt != null) {
          yInt[yi++] = fields.parseInt(f, lineNo, c + 1);
        } else {
          yFloat[yi++] = fields.parseFloat(f, lineNo, c + 1);
        }
      }
      return true;
    }
    if (columns < 0) {
      throw new IllegalArgumentException(
          "CsvReader: " + source + " has no data rows (and no header to tell its columns)");
    }
    return false;
  }

  int columns() {
    return columns;
  }

  int labels() {
    return labels;
  }

  boolean[] isLabel() {
    return isLabel;
  }

  List<String> names() {
    return names;
  }
}

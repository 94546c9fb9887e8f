package io.keras4j.data;

import java.util.List;

/**
 * Splits one CSV line into fields and parses numbers, with errors that name the source, the line
 * and the column. Fields are trimmed of spaces and tabs; a field in double quotes may hold the
 * delimiter, and {@code ""} inside it is one quote. Quoted fields cannot span lines.
 */
final class CsvFields {
  private final String source;
  private final char delimiter;
  private List<String> names;

  CsvFields(String source, char delimiter) {
    this.source = source;
    this.delimiter = delimiter;
  }

  /** The column names, once the header is read (for error messages). */
  void names(List<String> names) {
    this.names = names;
  }

  /** Splits {@code line} (physical line {@code lineNo}) into {@code out}, which is cleared. */
  void split(String line, int lineNo, List<String> out) {
    out.clear();
    int i = 0;
    int n = line.length();
    while (true) {
      int column = out.size() + 1;
      int start = skipBlanks(line, i);
      if (start < n && line.charAt(start) == '"') {
        StringBuilder sb = new StringBuilder();
        int j = start + 1;
        while (true) {
          if (j >= n) {
            throw error(lineNo, column, "unterminated quoted field", line.substring(start));
          }
          char ch = line.charAt(j);
          if (ch == '"') {
            if (j + 1 < n && line.charAt(j + 1) == '"') {
              sb.append('"');
              j += 2;
              continue;
            }
            break;
          }
          sb.append(ch);
          j++;
        }
        int after = skipBlanks(line, j + 1);
        if (after < n && line.charAt(after) != delimiter) {
          throw error(
              lineNo,
              column,
              "text after the closing quote of a quoted field",
              line.substring(start, Math.min(n, nextDelimiter(line, after))));
        }
        out.add(sb.toString());
        if (after >= n) {
          return;
        }
        i = after + 1;
      } else {
        int end = nextDelimiter(line, start);
        out.add(line.substring(start, end).strip());
        if (end >= n) {
          return;
        }
        i = end + 1;
      }
    }
  }

  private int nextDelimiter(String line, int from) {
    int k = line.indexOf(delimiter, from);
    return k < 0 ? line.length() : k;
  }

  private static int skipBlanks(String line, int i) {
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** A float field: decimal digits, sign, point and exponent, or nan / inf / infinity. */
  float parseFloat(String field, int lineNo, int column) {
    return (float) parse(field, lineNo, column);
  }

  /** An integer field (e.g. a class label); "3.0" is read as 3. */
  int parseInt(String field, int lineNo, int column) {
    double v = parse(field, lineNo, column);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw error(lineNo, column, "expected an integer label (intLabels is on)", field);
    }
    return (int) v;
  }

  private double parse(String field, int lineNo, int column) {
    if (field.isEmpty()) {
      throw error(lineNo, column, "empty field", field);
    }
    for (int k = 0; k < field.length(); k++) {
      char ch = field.charAt(k);
      boolean ok =
          (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
      if (!ok) {
        return special(field, lineNo, column);
      }
    }
    try {
      // Parsed as double then rounded, as numpy reads a CSV as float64 and casts to float32.
      return Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw error(lineNo, column, "expected a number", field);
    }
  }

  private double special(String field, int lineNo, int column) {
    String s = field.toLowerCase(java.util.Locale.ROOT);
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("nan")) {
      return Double.NaN;
    }
    if (s.equals("inf") || s.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    throw error(lineNo, column, "expected a number", field);
  }

  /** An error at a line and (1-based) column: {@code source line 7, column 3 ('RM'): what}. */
  IllegalArgumentException error(int lineNo, int column, String what, String received) {
    return new IllegalArgumentException(
        "CsvReader: " + where(lineNo, column) + ": " + what + ". Received: '" + received + "'");
  }

  String where(int lineNo, int column) {
    String s = source + " line " + lineNo + ", column " + column;
    if (names != null && column >= 1 && column <= names.size()) {
      s += " ('" + names.get(column - 1) + "')";
    }
    return s;
  }
}

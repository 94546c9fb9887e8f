package io.keras4j.ui;

import java.util.List;

/** Writes the page's JSON: strings escaped, numbers finite or null (JSON has no NaN). */
final class Json {
  private Json() {}

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A number, or null when it is absent, NaN or infinite. */
  static void number(StringBuilder out, Double v) {
    if (v == null || !Double.isFinite(v)) {
      out.append("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      out.append((long) v.doubleValue());
    } else {
      out.append(v.doubleValue());
    }
  }

  static void numbers(StringBuilder out, List<Double> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      number(out, values.get(i));
    }
    out.append(']');
  }
}

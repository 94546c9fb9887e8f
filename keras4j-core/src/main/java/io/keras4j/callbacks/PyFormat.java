package io.keras4j.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Python's {@code str.format} for the file names of {@link ModelCheckpoint} ({@link #format}), and
 * Python's {@code repr(float)}, which Keras's messages and CSV files use: the shortest digits that
 * read back to the same double (Java's {@link Double#toString}, which may use one digit more),
 * written positionally when the decimal exponent is in [-4, 16) ({@code 0.001}, {@code 2.0}) and in
 * scientific form otherwise ({@code 1e-05}, {@code 1.5e+16}).
 */
final class PyFormat {
  private PyFormat() {}

  static String repr(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "0.0";
    }
    String sign = v < 0 ? "-" : "";
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    if (d.precision() == 2) {
      // Java always writes two digits ("4.9E-324") where one may do ("5e-324").
      BigDecimal one = d.round(new MathContext(1, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(one.toString()) == Math.abs(v)) {
        d = one.stripTrailingZeros();
      }
    }
    String digits = d.unscaledValue().toString();
    // v = 0.d1d2d3... * 10^point, i.e. d1.d2d3... * 10^(point - 1)
    int point = digits.length() - d.scale();
    int exp = point - 1;
    StringBuilder sb = new StringBuilder(sign);
    if (exp < -4 || exp >= 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
    } else if (point <= 0) {
      sb.append("0.").append("0".repeat(-point)).append(digits);
    } else if (point >= digits.length()) {
      sb.append(digits).append("0".repeat(point - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }
    return sb.toString();
  }

  /**
   * Python's {@code template.format(**values)} for int ({@link Integer}, {@link Long}) and float
   * ({@link Double}) values: {@code {name}} and {@code {name:spec}} with the format specification
   * mini-language ({@code [[fill]align][sign][#][0][width][,|_][.precision][type]}, types d, x, X,
   * o, b, e, E, f, F, g, G, %), {@code {{} and {@code }}} for braces.
   *
   * @throws MissingKeyException for a name that is not among the values (Python's KeyError)
   * @throws IllegalArgumentException for a malformed template or a spec that does not fit the value
   *     (Python's ValueError)
   */
  static String format(String template, Map<String, ?> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '{') {
        if (i + 1 < n && template.charAt(i + 1) == '{') {
          out.append('{');
          i += 2;
          continue;
        }
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("Single '{' encountered in format string");
        }
        String field = template.substring(i + 1, close);
        int colon = field.indexOf(':');
        String name = colon < 0 ? field : field.substring(0, colon);
        String spec = colon < 0 ? "" : field.substring(colon + 1);
        int bang = name.indexOf('!');
        if (bang >= 0) {
          name = name.substring(0, bang); // !r and !s give the same text for numbers
        }
        if (name.isEmpty()) {
          throw new IllegalArgumentException(
              "Format fields must be named here (no positional arguments): {" + field + "}");
        }
        if (!values.containsKey(name)) {
          throw new MissingKeyException(name);
        }
        out.append(formatValue(values.get(name), spec));
        i = close + 1;
      } else if (c == '}') {
        if (i + 1 < n && template.charAt(i + 1) == '}') {
          out.append('}');
          i += 2;
          continue;
        }
        throw new IllegalArgumentException("Single '}' encountered in format string");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Python's KeyError of {@code str.format}: a field names no value. */
  static final class MissingKeyException extends RuntimeException {
    final String key;

    MissingKeyException(String key) {
      super("'" + key + "'");
      this.key = key;
    }
  }

  /** Python's {@code format(value, spec)} for an int or a float. */
  static String formatValue(Object value, String spec) {
    Spec f = Spec.parse(spec);
    boolean isInt = value instanceof Integer || value instanceof Long;
    if (!isInt && !(value instanceof Double) && !(value instanceof Float)) {
      String text = String.valueOf(value);
      return f.pad("", text, '<');
    }
    String body;
    String sign;
    if (isInt) {
      long v = ((Number) value).longValue();
      if ("eEfFgG%".indexOf(f.type) >= 0) {
        return formatDouble(v, f, spec);
      }
      if (f.precision >= 0) {
        throw new IllegalArgumentException("Precision not allowed in integer format specifier");
      }
      String digits =
          switch (f.type) {
            case 0, 'd', 'n' -> Long.toString(Math.abs(v));
            case 'x' -> Long.toHexString(Math.abs(v));
            case 'X' -> Long.toHexString(Math.abs(v)).toUpperCase(java.util.Locale.ROOT);
            case 'o' -> Long.toOctalString(Math.abs(v));
            case 'b' -> Long.toBinaryString(Math.abs(v));
            default ->
                throw new IllegalArgumentException(
                    "Unknown format code '" + f.type + "' for object of type 'int'");
          };
      if (f.alternate && "xXob".indexOf(f.type) >= 0) {
        digits = "0" + (f.type == 'X' ? 'X' : f.type) + digits;
      }
      body = f.group(digits);
      sign = f.sign(v < 0);
      return f.pad(sign, body, '>');
    }
    return formatDouble(((Number) value).doubleValue(), f, spec);
  }

  private static String formatDouble(double v, Spec f, String spec) {
    boolean neg = v < 0 || (v == 0 && Double.doubleToRawLongBits(v) < 0);
    double a = Math.abs(v);
    String body;
    char t = f.type;
    boolean upper = t == 'E' || t == 'F' || t == 'G';
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      body = Double.isNaN(v) ? "nan" : "inf";
      if (upper) {
        body = body.toUpperCase(java.util.Locale.ROOT);
      }
      if (t == '%') {
        body += "%";
      }
      return f.pad(f.sign(neg && !Double.isNaN(v)), body, '>');
    }
    switch (t) {
      case 'f', 'F' -> body = f.groupFixed(fixed(a, f.precision < 0 ? 6 : f.precision));
      case '%' -> body = f.groupFixed(fixed(a * 100, f.precision < 0 ? 6 : f.precision)) + "%";
      case 'e', 'E' -> body = scientific(a, f.precision < 0 ? 6 : f.precision, upper);
      case 'g', 'G' -> body = general(a, f.precision < 0 ? 6 : f.precision, f.alternate, upper);
      case 0 -> {
        if (f.precision < 0) {
          String r = repr(a);
          // repr's positional form, or scientific; grouping applies to the former
          body = r.contains("e") ? r : f.groupFixed(r);
        } else {
          body = general(a, f.precision, f.alternate, false);
          if (!body.contains(".") && !body.contains("e")) {
            body += ".0";
          }
        }
      }
      case 'd' ->
          throw new IllegalArgumentException("Unknown format code 'd' for object of type 'float'");
      default ->
          throw new IllegalArgumentException(
              "Unknown format code '" + t + "' for object of type 'float'");
    }
    return f.pad(f.sign(neg), body, '>');
  }

  /** {@code f"{a:.{digits}f}"} of a non-negative finite value: exact binary value, half to even. */
  private static String fixed(double a, int digits) {
    return new BigDecimal(a).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** {@code f"{a:.{digits}e}"} of a non-negative finite value. */
  private static String scientific(double a, int digits, boolean upper) {
    int exp;
    String mantissa;
    if (a == 0) {
      exp = 0;
      mantissa = new BigDecimal(0).setScale(digits).toPlainString();
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
      mantissa = r.movePointLeft(exp).setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
    }
    int e = Math.abs(exp);
    return mantissa + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
  }

  /** {@code f"{a:.{p}g}"} of a non-negative finite value. */
  private static String general(double a, int p, boolean keepZeros, boolean upper) {
    if (p == 0) {
      p = 1;
    }
    int exp;
    if (a == 0) {
      exp = 0;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
    }
    String s;
    if (exp >= -4 && exp < p) {
      s = fixed(a, p - 1 - exp);
      if (!keepZeros && s.contains(".")) {
        s = s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
      }
    } else {
      s = scientific(a, p - 1, upper);
      if (!keepZeros) {
        int e = s.indexOf(upper ? 'E' : 'e');
        String m = s.substring(0, e);
        if (m.contains(".")) {
          m = m.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        s = m + s.substring(e);
      }
    }
    return s;
  }

  /** A parsed format specification. */
  private record Spec(
      char fill,
      char align,
      char signMode,
      boolean alternate,
      int width,
      char grouping,
      int precision,
      char type) {
    static Spec parse(String spec) {
      int i = 0;
      int n = spec.length();
      char fill = ' ';
      char align = 0;
      if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
        fill = spec.charAt(0);
        align = spec.charAt(1);
        i = 2;
      } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
        align = spec.charAt(0);
        i = 1;
      }
      char sign = '-';
      if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
        sign = spec.charAt(i++);
      }
      boolean alternate = false;
      if (i < n && spec.charAt(i) == '#') {
        alternate = true;
        i++;
      }
      if (i < n && spec.charAt(i) == '0') {
        if (align == 0) {
          fill = '0';
          align = '=';
        }
        i++;
      }
      int width = 0;
      while (i < n && Character.isDigit(spec.charAt(i))) {
        width = width * 10 + (spec.charAt(i++) - '0');
      }
      char grouping = 0;
      if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
        grouping = spec.charAt(i++);
      }
      int precision = -1;
      if (i < n && spec.charAt(i) == '.') {
        i++;
        int start = i;
        precision = 0;
        while (i < n && Character.isDigit(spec.charAt(i))) {
          precision = precision * 10 + (spec.charAt(i++) - '0');
        }
        if (i == start) {
          throw new IllegalArgumentException("Format specifier missing precision");
        }
      }
      char type = 0;
      if (i < n) {
        type = spec.charAt(i++);
      }
      if (i < n) {
        throw new IllegalArgumentException("Invalid format specifier '" + spec + "'");
      }
      return new Spec(fill, align, sign, alternate, width, grouping, precision, type);
    }

    String sign(boolean negative) {
      if (negative) {
        return "-";
      }
      return signMode == '+' ? "+" : signMode == ' ' ? " " : "";
    }

    /** Groups the digits of an integer part by three. */
    String group(String digits) {
      if (grouping == 0) {
        return digits;
      }
      StringBuilder sb = new StringBuilder();
      int len = digits.length();
      for (int k = 0; k < len; k++) {
        if (k > 0 && (len - k) % 3 == 0) {
          sb.append(grouping);
        }
        sb.append(digits.charAt(k));
      }
      return sb.toString();
    }

    /** Groups the integer part of a positional number. */
    String groupFixed(String s) {
      int dot = s.indexOf('.');
      return dot < 0 ? group(s) : group(s.substring(0, dot)) + s.substring(dot);
    }

    /** Pads {@code sign + body} to the width; {@code defaultAlign} when none is given. */
    String pad(String sign, String body, char defaultAlign) {
      int len = sign.length() + body.length();
      if (len >= width) {
        return sign + body;
      }
      String padding = String.valueOf(fill).repeat(width - len);
      return switch (align == 0 ? defaultAlign : align) {
        case '<' -> sign + body + padding;
        case '^' -> {
          int left = (width - len) / 2;
          yield String.valueOf(fill).repeat(left)
              + sign
              + body
              + String.valueOf(fill).repeat(width - len - left);
        }
        case '=' -> sign + padding + body;
        default -> padding + sign + body;
      };
    }
  }
}

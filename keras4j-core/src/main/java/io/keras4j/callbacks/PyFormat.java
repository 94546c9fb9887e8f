package io.keras4j.callbacks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
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
}

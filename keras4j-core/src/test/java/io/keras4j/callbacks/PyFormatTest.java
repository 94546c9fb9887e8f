package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python's repr(float); the expected strings were printed by python3 for the same doubles. */
class PyFormatTest {
  @Test
  void matchesPythonRepr() {
    double[] values = {
      0.1,
      1e-05,
      0.0001,
      1e16,
      1e15,
      123456789.0,
      0.1 + 0.2,
      -2.5,
      1.5e-07,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      (double) 0.1f,
      100.0,
      -0.0,
      0.001 * 3,
      0.01 * 3,
      12345.678,
      0x1p60,
      0.1 * 0.1,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    String[] python = {
      "0.1",
      "1e-05",
      "0.0001",
      "1e+16",
      "1000000000000000.0",
      "123456789.0",
      "0.30000000000000004",
      "-2.5",
      "1.5e-07",
      "5e-324",
      "1.7976931348623157e+308",
      "0.10000000149011612",
      "100.0",
      "-0.0",
      "0.003",
      "0.03",
      "12345.678",
      "1.152921504606847e+18",
      "0.010000000000000002",
      "nan",
      "inf",
      "-inf"
    };
    for (int i = 0; i < values.length; i++) {
      assertEquals(python[i], PyFormat.repr(values[i]), "repr of " + values[i]);
    }
  }

  /** template, name, value, what python3 printed for template.format(name=value). */
  private static final Object[][] FORMATS = {
    {"{epoch:02d}", "epoch", 3, "03"},
    {"{val_loss:.2f}", "val_loss", 0.125, "0.12"},
    {"{val_loss:.2f}", "val_loss", 0.135, "0.14"},
    {"{x}", "x", 0.1 + 0.2, "0.30000000000000004"},
    {"{x}", "x", 1e-05, "1e-05"},
    {"{x:.3}", "x", 1.0, "1.0"},
    {"{x:.3}", "x", 1234.5, "1.23e+03"},
    {"{x:g}", "x", 0.0001234, "0.0001234"},
    {"{x:g}", "x", 123456789.0, "1.23457e+08"},
    {"{x:.4e}", "x", 0.00012345, "1.2345e-04"},
    {"{x:E}", "x", -2.5, "-2.500000E+00"},
    {"{x:+08.3f}", "x", -3.14159, "-003.142"},
    {"{x:>8.1f}|", "x", 2.25, "     2.2|"},
    {"{x:<6d}|", "x", 42, "42    |"},
    {"{x:^7}|", "x", 5, "   5   |"},
    {"{x:,}", "x", 1234567, "1,234,567"},
    {"{x:,.2f}", "x", 1234567.891, "1,234,567.89"},
    {"{x:.1%}", "x", 0.4567, "45.7%"},
    {"{x:x}-{x:#b}", "x", 10, "a-0b1010"},
    {"{x:.2f}", "x", 3, "3.00"},
    {"{x:f}", "x", Double.NaN, "nan"},
    {"{x:F}", "x", Double.POSITIVE_INFINITY, "INF"},
    {"{{a}}{x:03d}", "x", 7, "{a}007"},
    {"{x:.0f}", "x", 2.5, "2"},
    {"{x:g}", "x", 100000.0, "100000"},
    {"{x:g}", "x", 1000000.0, "1e+06"},
    {"{x:#g}", "x", 1.5, "1.50000"},
    {"{x: d}", "x", 3, " 3"},
    {"{x:.2f}", "x", -0.0, "-0.00"},
  };

  @Test
  void formatMatchesPythonStrFormat() {
    for (Object[] c : FORMATS) {
      assertEquals(
          c[3],
          PyFormat.format((String) c[0], java.util.Map.of((String) c[1], c[2])),
          c[0] + " with " + c[2]);
    }
  }

  @Test
  void formatErrorsAsPython() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            PyFormat.MissingKeyException.class,
            () -> PyFormat.format("{val_loss:.2f}", java.util.Map.of("loss", 1.0)));
    assertEquals("'val_loss'", e.getMessage());
    var bad =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> PyFormat.format("{loss:02d}", java.util.Map.of("loss", 1.0)));
    assertEquals("Unknown format code 'd' for object of type 'float'", bad.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> PyFormat.format("a{", java.util.Map.of()));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> PyFormat.format("a}b", java.util.Map.of()));
  }
}

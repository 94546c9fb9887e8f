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
}

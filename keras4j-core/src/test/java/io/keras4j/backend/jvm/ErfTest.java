package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErfTest {

  @Test
  void knownValues() {
    // Reference values of erf to 10 digits (Abramowitz and Stegun, table 7.1).
    assertEquals(0.0, Erf.erf(0.0), 0.0);
    assertEquals(0.1124629160, Erf.erf(0.1), 1e-10);
    assertEquals(0.5204998778, Erf.erf(0.5), 1e-10);
    assertEquals(0.8427007929, Erf.erf(1.0), 1e-10);
    assertEquals(0.9661051465, Erf.erf(1.5), 1e-10);
    assertEquals(0.9953222650, Erf.erf(2.0), 1e-10);
    assertEquals(0.9995930480, Erf.erf(2.5), 1e-10);
    assertEquals(0.9999779095, Erf.erf(3.0), 1e-10);
    assertEquals(0.9999999846, Erf.erf(4.0), 1e-10);
  }

  @Test
  void matchesScipyToDoublePrecision() {
    // scipy.special.erf at these points.
    double[][] table = {
      {0.01, 0.011283415555849616},
      {0.3, 0.3286267594591274},
      {0.9, 0.7969082124228322},
      {1.7, 0.9837904585907745},
      {2.2, 0.9981371537020182},
      {2.45, 0.999469419887749},
      {2.55, 0.9996893396573608},
      {2.9, 0.9999589021219005},
      {3.5, 0.9999992569016276},
      {4.2, 0.9999999971445058},
      {5.5, 0.9999999999999927},
    };
    for (double[] row : table) {
      assertEquals(row[1], Erf.erf(row[0]), 1e-14, "erf(" + row[0] + ")");
      assertEquals(-row[1], Erf.erf(-row[0]), 1e-14, "erf(" + -row[0] + ")");
    }
  }

  @Test
  void tailMatchesErfcToManyDigits() {
    // erfc(3) = 2.209049699858544e-05 and erfc(5) = 1.5374597944280349e-12.
    assertEquals(2.209049699858544e-05, 1 - Erf.erf(3.0), 1e-15);
    assertEquals(1.5374597944280349e-12, 1 - Erf.erf(5.0), 1e-15);
  }

  @Test
  void seriesAndContinuedFractionAgreeAtTheSwitch() {
    double below = Erf.erf(Math.nextDown(2.5));
    double above = Erf.erf(2.5);
    assertEquals(below, above, 1e-14);
  }

  @Test
  void oddAndBounded() {
    for (double x = -7; x <= 7; x += 0.37) {
      double v = Erf.erf(x);
      assertEquals(-v, Erf.erf(-x), 1e-15, "odd at " + x);
      assertTrue(Math.abs(v) <= 1.0, "bounded at " + x);
    }
    for (double x = -7; x < 7; x += 0.05) {
      // Strictly increasing until erf rounds to +-1 in double precision.
      double step = Erf.erf(x + 0.05) - Erf.erf(x);
      assertTrue(Math.abs(x) < 5 ? step > 0 : step >= 0, "increasing at " + x);
    }
  }

  @Test
  void infinitiesAndNan() {
    assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(1.0, Erf.erf(30), 0.0);
    assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
  }
}

package io.keras4j.backend.jvm;

/** The error function in double precision (Java's Math has none). */
public final class Erf {
  private Erf() {}

  /**
   * erf(x) to about 1e-15 relative: a Taylor series near zero and a continued fraction for erfc in
   * the tails (Numerical Recipes' approach, re-derived).
   */
  public static double erf(double x) {
    double ax = Math.abs(x);
    if (ax < 2.5) {
      // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
      double term = ax;
      double sum = ax;
      double x2 = ax * ax;
      for (int n = 1; n < 60; n++) {
        term *= -x2 / n;
        double add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
          break;
        }
      }
      double r = 2.0 / Math.sqrt(Math.PI) * sum;
      return x < 0 ? -r : r;
    }
    if (ax > 6) {
      // erfc(6) < 1e-16: 1 to double precision. Also keeps +-infinity out of the fraction below.
      return Math.copySign(1.0, x);
    }
    double r = 1.0 - erfcLarge(ax);
    return x < 0 ? -r : r;
  }

  /** erfc(x) for x >= 2.5 by Lentz's continued fraction. */
  private static double erfcLarge(double x) {
    // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int n = 1; n < 200; n++) {
      double an = n / 2.0;
      d = x + an * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1.0 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1.0) < 1e-16) {
        break;
      }
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
}

package io.keras4j.optimizers;

/** Hyperparameter checks; the messages name the optimizer, the argument and the value. */
final class Args {
  private Args() {}

  /** A value in [0, 1]. */
  static double unit(String cls, String arg, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(
          cls + ": " + arg + " must be in [0, 1]. Received: " + arg + "=" + v);
    }
    return v;
  }

  /** A finite value >= 0. */
  static double nonNegative(String cls, String arg, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          cls + ": " + arg + " must be a finite number >= 0. Received: " + arg + "=" + v);
    }
    return v;
  }

  /** Any finite value. */
  static double finite(String cls, String arg, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          cls + ": " + arg + " must be a finite number. Received: " + arg + "=" + v);
    }
    return v;
  }
}

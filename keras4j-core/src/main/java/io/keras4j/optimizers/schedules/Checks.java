package io.keras4j.optimizers.schedules;

/** Argument checks shared by the schedules; messages name the class, argument and value. */
final class Checks {
  private Checks() {}

  static double finite(String cls, String arg, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          cls + ": " + arg + " must be a finite number. Received: " + arg + "=" + value);
    }
    return value;
  }

  static long positive(String cls, String arg, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          cls + ": " + arg + " must be > 0. Received: " + arg + "=" + value);
    }
    return value;
  }

  static String name(String cls, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          cls + ": name must be a non-empty string. Received: name=" + name);
    }
    return name;
  }
}

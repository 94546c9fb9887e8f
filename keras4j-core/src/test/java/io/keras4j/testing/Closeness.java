package io.keras4j.testing;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/** Compares computed tensors with golden values and explains the first mismatch. */
public final class Closeness {
  private Closeness() {}

  /** The largest difference accepted for an expected value. */
  @FunctionalInterface
  public interface Tolerance {
    double at(double expected);

    /** {@code atol}, or {@code rtol * |expected|} when that is larger (the golden files' rule). */
    static Tolerance absOrRel(double atol, double rtol) {
      return e -> Math.max(atol, rtol * Math.abs(e));
    }

    /** {@code atol + rtol * |expected|}, as numpy's {@code allclose}. */
    static Tolerance allclose(double atol, double rtol) {
      return e -> atol + rtol * Math.abs(e);
    }
  }

  /**
   * Fails (AssertionError) unless {@code actual} has {@code expectedShape} and every value is
   * within the tolerance. The message names {@code what} (case and output), the flat index, the
   * expected and the actual value, and how many values differ.
   */
  public static void assertClose(
      String what, int[] expectedShape, double[] expected, Tensor actual, Tolerance tol) {
    if (!Arrays.equals(expectedShape, ShapeRefs.of(actual))) {
      throw new AssertionError(
          what
              + ": expected shape "
              + Arrays.toString(expectedShape)
              + ", actual shape "
              + Arrays.toString(ShapeRefs.of(actual)));
    }
    assertClose(what, expected, actual.toFloatArray(), tol);
  }

  /** As {@link #assertClose(String, int[], double[], Tensor, Tolerance)} on flat arrays. */
  public static void assertClose(String what, double[] expected, float[] actual, Tolerance tol) {
    if (expected.length != actual.length) {
      throw new AssertionError(
          what + ": expected " + expected.length + " values, actual " + actual.length);
    }
    int first = -1;
    int bad = 0;
    double maxDiff = 0;
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs(actual[i] - expected[i]);
      if (!(diff <= tol.at(expected[i]))) { // NaN fails too
        bad++;
        if (first < 0) {
          first = i;
        }
      }
      if (!(diff <= maxDiff)) {
        maxDiff = diff;
      }
    }
    if (first >= 0) {
      throw new AssertionError(
          String.format(
              "%s, flat index %d: expected %s, actual %s (|diff| %.3g > tolerance %.3g); %d of %d"
                  + " values differ, max |diff| %.3g",
              what,
              first,
              expected[first],
              actual[first],
              Math.abs(actual[first] - expected[first]),
              tol.at(expected[first]),
              bad,
              expected.length,
              maxDiff));
    }
  }
}

package io.keras4j.backend.conformance;

import io.keras4j.backend.Backend;
import io.keras4j.testing.Closeness;

/**
 * Base of the backend conformance suites: every primitive of a family against a plain
 * double-precision reference written in the test. A backend runs the suites by overriding {@link
 * #backend()} in a subclass.
 */
public abstract class ConformanceBase {

  /** The backend under test. */
  protected Backend backend() {
    return Backend.current();
  }

  /** numpy's allclose rule: {@code |actual - expected| <= atol + rtol * |expected|}. */
  protected static Closeness.Tolerance tolerance(double atol, double rtol) {
    return Closeness.Tolerance.allclose(atol, rtol);
  }
}

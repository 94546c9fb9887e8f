package io.keras4j.testing;

import io.keras4j.models.EvaluateOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.PredictOptions;

/**
 * Options with the progress bar off ({@code verbose(0)}), for tests that do not check the bar: a
 * test run stays quiet. Each call makes new options, so a test may chain more onto them.
 */
public final class Quiet {
  private Quiet() {}

  public static PredictOptions predict() {
    return new PredictOptions().verbose(0);
  }

  public static EvaluateOptions evaluate() {
    return new EvaluateOptions().verbose(0);
  }

  public static FitOptions fit() {
    return new FitOptions().verbose(0);
  }
}

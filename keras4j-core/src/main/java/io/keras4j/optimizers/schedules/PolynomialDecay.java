package io.keras4j.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code (initial - end) * (1 - step / decaySteps) ^ power + end}, with the step held at {@code
 * decaySteps} afterwards, as Keras's {@code PolynomialDecay}. With {@code cycle}, {@code
 * decaySteps} grows to the first multiple above the step instead, so the decay restarts.
 */
public final class PolynomialDecay implements LearningRateSchedule {
  private static final String CLS = "PolynomialDecay";
  private final double initialLearningRate;
  private final long decaySteps;
  private double endLearningRate = 0.0001;
  private double power = 1.0;
  private boolean cycle;
  private String name = CLS;

  /** End rate 0.0001, power 1 and no cycle, as Keras. */
  public PolynomialDecay(double initialLearningRate, long decaySteps) {
    this.initialLearningRate = Checks.finite(CLS, "initialLearningRate", initialLearningRate);
    this.decaySteps = Checks.positive(CLS, "decaySteps", decaySteps);
  }

  public PolynomialDecay(
      double initialLearningRate,
      long decaySteps,
      double endLearningRate,
      double power,
      boolean cycle) {
    this(initialLearningRate, decaySteps);
    endLearningRate(endLearningRate).power(power).cycle(cycle);
  }

  /** The rate reached after {@code decaySteps} (default 0.0001). */
  public PolynomialDecay endLearningRate(double endLearningRate) {
    this.endLearningRate = Checks.finite(CLS, "endLearningRate", endLearningRate);
    return this;
  }

  /** The power of the polynomial (default 1). */
  public PolynomialDecay power(double power) {
    this.power = Checks.finite(CLS, "power", power);
    return this;
  }

  /** Restarts the decay beyond {@code decaySteps} (default false). */
  public PolynomialDecay cycle(boolean cycle) {
    this.cycle = cycle;
    return this;
  }

  /** Keras's name of the schedule (default {@code "PolynomialDecay"}). */
  public PolynomialDecay name(String name) {
    this.name = Checks.name(CLS, name);
    return this;
  }

  @Override
  public double apply(long step) {
    double s = step;
    double steps = decaySteps;
    if (cycle) {
      // The first multiple of decaySteps above the step; 1 at step 0.
      steps *= step == 0 ? 1.0 : Math.ceil(s / decaySteps);
    } else {
      s = Math.min(s, steps);
    }
    double p = s / steps;
    return (initialLearningRate - endLearningRate) * Math.pow(1 - p, power) + endLearningRate;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("end_learning_rate", endLearningRate);
    c.put("power", power);
    c.put("cycle", cycle);
    c.put("name", name);
    return c;
  }

  @Override
  public String className() {
    return CLS;
  }

  @Override
  public String toString() {
    return CLS + getConfig();
  }
}

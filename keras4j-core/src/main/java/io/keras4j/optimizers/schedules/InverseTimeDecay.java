package io.keras4j.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code initialLearningRate / (1 + decayRate * step / decaySteps)}, as Keras's {@code
 * InverseTimeDecay}; with {@code staircase}, {@code step / decaySteps} is floored.
 */
public final class InverseTimeDecay implements LearningRateSchedule {
  private static final String CLS = "InverseTimeDecay";
  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private boolean staircase;
  private String name = CLS;

  public InverseTimeDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this.initialLearningRate = Checks.finite(CLS, "initialLearningRate", initialLearningRate);
    this.decaySteps = Checks.positive(CLS, "decaySteps", decaySteps);
    this.decayRate = Checks.finite(CLS, "decayRate", decayRate);
  }

  public InverseTimeDecay(
      double initialLearningRate, long decaySteps, double decayRate, boolean staircase) {
    this(initialLearningRate, decaySteps, decayRate);
    this.staircase = staircase;
  }

  /** Floors {@code step / decaySteps} (default false). */
  public InverseTimeDecay staircase(boolean staircase) {
    this.staircase = staircase;
    return this;
  }

  /** Keras's name of the schedule (default {@code "InverseTimeDecay"}). */
  public InverseTimeDecay name(String name) {
    this.name = Checks.name(CLS, name);
    return this;
  }

  @Override
  public double apply(long step) {
    double p = (double) step / decaySteps;
    if (staircase) {
      p = Math.floor(p);
    }
    return initialLearningRate / (1 + decayRate * p);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("decay_rate", decayRate);
    c.put("staircase", staircase);
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

package io.keras4j.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cosine decay with warm restarts (SGDR), as Keras's {@code CosineDecayRestarts}: the multiplier
 * decays from 1 to {@code alpha} over {@code firstDecaySteps}; each restart then runs {@code tMul}
 * times longer and starts {@code mMul} times lower.
 */
public final class CosineDecayRestarts implements LearningRateSchedule {
  private static final String CLS = "CosineDecayRestarts";
  private final double initialLearningRate;
  private final long firstDecaySteps;
  private double tMul = 2.0;
  private double mMul = 1.0;
  private double alpha;
  private String name = "SGDRDecay";

  /** {@code tMul} 2, {@code mMul} 1 and alpha 0, as Keras. */
  public CosineDecayRestarts(double initialLearningRate, long firstDecaySteps) {
    this.initialLearningRate = Checks.finite(CLS, "initialLearningRate", initialLearningRate);
    this.firstDecaySteps = Checks.positive(CLS, "firstDecaySteps", firstDecaySteps);
  }

  public CosineDecayRestarts(
      double initialLearningRate, long firstDecaySteps, double tMul, double mMul, double alpha) {
    this(initialLearningRate, firstDecaySteps);
    tMul(tMul).mMul(mMul).alpha(alpha);
  }

  /** How many times longer each period is than the previous one (default 2). */
  public CosineDecayRestarts tMul(double tMul) {
    if (!(tMul > 0) || Double.isInfinite(tMul)) {
      throw new IllegalArgumentException(
          CLS + ": tMul must be a finite number > 0. Received: tMul=" + tMul);
    }
    this.tMul = tMul;
    return this;
  }

  /** The factor on the starting rate of each period (default 1). */
  public CosineDecayRestarts mMul(double mMul) {
    this.mMul = Checks.finite(CLS, "mMul", mMul);
    return this;
  }

  /** The minimum rate as a fraction of the initial rate (default 0). */
  public CosineDecayRestarts alpha(double alpha) {
    this.alpha = Checks.finite(CLS, "alpha", alpha);
    return this;
  }

  /** Keras's name of the schedule (default {@code "SGDRDecay"}). */
  public CosineDecayRestarts name(String name) {
    this.name = Checks.name(CLS, name);
    return this;
  }

  @Override
  public double apply(long step) {
    double fraction = (double) step / firstDecaySteps;
    double restart;
    if (tMul == 1.0) {
      restart = Math.floor(fraction);
      fraction -= restart;
    } else {
      // Periods of length 1, tMul, tMul^2, ...: find the one holding the fraction.
      restart = Math.floor(Math.log(1.0 - fraction * (1.0 - tMul)) / Math.log(tMul));
      // The logarithm can land just below an integer at a restart (log(8) / log(2) < 3): move
      // to the period whose start is at or before the fraction and whose end is after it.
      if (periodStart(restart + 1) <= fraction) {
        restart++;
      } else if (restart > 0 && periodStart(restart) > fraction) {
        restart--;
      }
      fraction = (fraction - periodStart(restart)) / Math.pow(tMul, restart);
    }
    double cosine = 0.5 * Math.pow(mMul, restart) * (1.0 + Math.cos(Math.PI * fraction));
    return initialLearningRate * ((1 - alpha) * cosine + alpha);
  }

  /** Where period {@code i} starts, in units of {@code firstDecaySteps}: 1 + tMul + ... */
  private double periodStart(double i) {
    return (1.0 - Math.pow(tMul, i)) / (1.0 - tMul);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("first_decay_steps", firstDecaySteps);
    c.put("t_mul", tMul);
    c.put("m_mul", mMul);
    c.put("alpha", alpha);
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

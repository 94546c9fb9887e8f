package io.keras4j.optimizers.schedules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cosine decay with an optional linear warmup, as Keras 3's {@code CosineDecay}. Without a warmup
 * target the rate goes from {@code initialLearningRate} to {@code initialLearningRate * alpha} over
 * {@code decaySteps}: {@code lr0 * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decaySteps) /
 * decaySteps)) + alpha)}. With a warmup target it first rises linearly from {@code
 * initialLearningRate} to the target over {@code warmupSteps}, then decays from the target.
 */
public final class CosineDecay implements LearningRateSchedule {
  private static final String CLS = "CosineDecay";
  private final double initialLearningRate;
  private final long decaySteps;
  private double alpha;
  private Double warmupTarget;
  private long warmupSteps;
  private String name = CLS;

  /** Alpha 0 and no warmup, as Keras. */
  public CosineDecay(double initialLearningRate, long decaySteps) {
    this.initialLearningRate = Checks.finite(CLS, "initialLearningRate", initialLearningRate);
    this.decaySteps = Checks.positive(CLS, "decaySteps", decaySteps);
  }

  public CosineDecay(double initialLearningRate, long decaySteps, double alpha) {
    this(initialLearningRate, decaySteps);
    alpha(alpha);
  }

  public CosineDecay(
      double initialLearningRate,
      long decaySteps,
      double alpha,
      double warmupTarget,
      long warmupSteps) {
    this(initialLearningRate, decaySteps, alpha);
    warmupTarget(warmupTarget).warmupSteps(warmupSteps);
  }

  /** The final rate as a fraction of the rate the decay starts from (default 0). */
  public CosineDecay alpha(double alpha) {
    this.alpha = Checks.finite(CLS, "alpha", alpha);
    return this;
  }

  /** The rate the warmup reaches and the decay starts from (default: no warmup). */
  public CosineDecay warmupTarget(double warmupTarget) {
    this.warmupTarget = Checks.finite(CLS, "warmupTarget", warmupTarget);
    return this;
  }

  /** The length of the warmup, used only with a warmup target (default 0). */
  public CosineDecay warmupSteps(long warmupSteps) {
    if (warmupSteps < 0) {
      throw new IllegalArgumentException(
          CLS + ": warmupSteps must be >= 0. Received: warmupSteps=" + warmupSteps);
    }
    this.warmupSteps = warmupSteps;
    return this;
  }

  /** Keras's name of the schedule (default {@code "CosineDecay"}). */
  public CosineDecay name(String name) {
    this.name = Checks.name(CLS, name);
    return this;
  }

  @Override
  public double apply(long step) {
    if (warmupTarget == null) {
      return decay(Math.min(step, decaySteps), initialLearningRate);
    }
    double target = warmupTarget;
    long s = Math.min(step, decaySteps + warmupSteps);
    if (s < warmupSteps) {
      return (target - initialLearningRate) * ((double) s / warmupSteps) + initialLearningRate;
    }
    return decay(s - warmupSteps, target);
  }

  private double decay(long step, double from) {
    double cosine = 0.5 * (1 + Math.cos(Math.PI * ((double) step / decaySteps)));
    return from * ((1 - alpha) * cosine + alpha);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("alpha", alpha);
    c.put("name", name);
    c.put("warmup_target", warmupTarget);
    c.put("warmup_steps", warmupSteps);
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

package io.keras4j.optimizers.schedules;

import java.util.Map;

/**
 * A learning rate as a function of the optimizer's step, as Keras's {@code LearningRateSchedule}.
 */
public interface LearningRateSchedule {
  /** The learning rate at {@code step} (the optimizer's iteration count, from 0). */
  double apply(long step);

  /** Keras's config of the schedule (snake_case keys). */
  Map<String, Object> getConfig();

  /**
   * The Keras class name written in JSON, e.g. {@code "ExponentialDecay"}. The built-in schedules
   * return their Keras name; the default (the Java class's simple name) serves user schedules.
   */
  default String className() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? "LearningRateSchedule" : simple;
  }
}

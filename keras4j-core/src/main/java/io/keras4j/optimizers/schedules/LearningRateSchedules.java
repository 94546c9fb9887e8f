package io.keras4j.optimizers.schedules;

import io.keras4j.internal.Registry;
import io.keras4j.internal.SerializedObject;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in schedules from Keras JSON and back, as {@code keras.optimizers.schedules.serialize}
 * and {@code deserialize}.
 */
public final class LearningRateSchedules {
  /** The module Keras 3 writes for its schedules. */
  public static final String MODULE = "keras.optimizers.schedules";

  private static final Registry<LearningRateSchedule> REGISTRY =
      new Registry<LearningRateSchedule>("learning rate schedule")
          .add("ExponentialDecay", LearningRateSchedules::exponential)
          .add("InverseTimeDecay", LearningRateSchedules::inverseTime)
          .add("PiecewiseConstantDecay", LearningRateSchedules::piecewise)
          .add("PolynomialDecay", LearningRateSchedules::polynomial)
          .add("CosineDecay", LearningRateSchedules::cosine)
          .add("CosineDecayRestarts", LearningRateSchedules::restarts);

  private LearningRateSchedules() {}

  /** A schedule from Keras 3 or Keras 2 JSON ({@code class_name} and {@code config}). */
  public static LearningRateSchedule deserialize(Map<String, ?> config) {
    SerializedObject s = SerializedObject.parse("learning rate schedule", config);
    return REGISTRY.create(s.className(), s.config(), "class_name");
  }

  /** Keras 3's JSON form of a schedule. */
  public static Map<String, Object> serialize(LearningRateSchedule schedule) {
    return SerializedObject.builtin(MODULE, schedule.className(), schedule.getConfig()).toMap();
  }

  /** The class names {@link #deserialize} knows. */
  public static Set<String> names() {
    return REGISTRY.names();
  }

  private static ExponentialDecay exponential(Config c) {
    c.allowOnly("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name");
    return new ExponentialDecay(
            c.getDouble("initial_learning_rate"),
            steps(c, "decay_steps"),
            c.getDouble("decay_rate"),
            c.getBoolean("staircase", false))
        .name(c.getString("name", "ExponentialDecay"));
  }

  private static InverseTimeDecay inverseTime(Config c) {
    c.allowOnly("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name");
    return new InverseTimeDecay(
            c.getDouble("initial_learning_rate"),
            steps(c, "decay_steps"),
            c.getDouble("decay_rate"),
            c.getBoolean("staircase", false))
        .name(c.getString("name", "InverseTimeDecay"));
  }

  private static PiecewiseConstantDecay piecewise(Config c) {
    c.allowOnly("boundaries", "values", "name");
    List<Object> b = c.getList("boundaries");
    List<Object> v = c.getList("values");
    long[] boundaries = new long[b.size()];
    for (int i = 0; i < boundaries.length; i++) {
      boundaries[i] = integer(c, "boundaries", b.get(i));
    }
    double[] values = new double[v.size()];
    for (int i = 0; i < values.length; i++) {
      if (!(v.get(i) instanceof Number n)) {
        throw invalid(c, "values", "numbers", v);
      }
      values[i] = n.doubleValue();
    }
    return new PiecewiseConstantDecay(boundaries, values)
        .name(c.getString("name", "PiecewiseConstant"));
  }

  private static PolynomialDecay polynomial(Config c) {
    c.allowOnly(
        "initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle", "name");
    return new PolynomialDecay(
            c.getDouble("initial_learning_rate"),
            steps(c, "decay_steps"),
            c.getDouble("end_learning_rate", 0.0001),
            c.getDouble("power", 1.0),
            c.getBoolean("cycle", false))
        .name(c.getString("name", "PolynomialDecay"));
  }

  private static CosineDecay cosine(Config c) {
    c.allowOnly(
        "initial_learning_rate", "decay_steps", "alpha", "name", "warmup_target", "warmup_steps");
    CosineDecay s =
        new CosineDecay(
                c.getDouble("initial_learning_rate"),
                steps(c, "decay_steps"),
                c.getDouble("alpha", 0.0))
            .name(c.getString("name", "CosineDecay"));
    if (c.has("warmup_target")) {
      s.warmupTarget(c.getDouble("warmup_target"));
    }
    Long warmupSteps = c.getLong("warmup_steps");
    return s.warmupSteps(warmupSteps == null ? 0 : warmupSteps);
  }

  private static CosineDecayRestarts restarts(Config c) {
    c.allowOnly("initial_learning_rate", "first_decay_steps", "t_mul", "m_mul", "alpha", "name");
    return new CosineDecayRestarts(
            c.getDouble("initial_learning_rate"),
            steps(c, "first_decay_steps"),
            c.getDouble("t_mul", 2.0),
            c.getDouble("m_mul", 1.0),
            c.getDouble("alpha", 0.0))
        .name(c.getString("name", "SGDRDecay"));
  }

  /** A required step count; Keras configs may write it as a float such as 1000.0. */
  private static long steps(Config c, String key) {
    c.getDouble(key); // fails with Config's message when missing or not a number
    return c.getLong(key);
  }

  private static long integer(Config c, String key, Object v) {
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw invalid(c, key, "integers", v);
  }

  private static IllegalArgumentException invalid(Config c, String key, String expected, Object v) {
    return new IllegalArgumentException(
        "Invalid config for "
            + c.className()
            + ": expected "
            + expected
            + " in '"
            + key
            + "'. Received: "
            + key
            + "="
            + v);
  }
}

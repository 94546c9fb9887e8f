package io.keras4j.optimizers.schedules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piecewise constant rate, as Keras's {@code PiecewiseConstantDecay}: {@code values[0]} while
 * {@code step <= boundaries[0]}, {@code values[i]} while {@code boundaries[i-1] < step <=
 * boundaries[i]}, and the last value after the last boundary.
 */
public final class PiecewiseConstantDecay implements LearningRateSchedule {
  private static final String CLS = "PiecewiseConstantDecay";
  private final long[] boundaries;
  private final double[] values;
  private String name = "PiecewiseConstant";

  /**
   * @param boundaries strictly increasing steps
   * @param values one more value than boundaries
   */
  public PiecewiseConstantDecay(long[] boundaries, double[] values) {
    if (boundaries == null || values == null || boundaries.length != values.length - 1) {
      throw new IllegalArgumentException(
          CLS
              + ": the length of boundaries should be 1 less than the length of values. Received:"
              + " boundaries="
              + Arrays.toString(boundaries)
              + " of length "
              + (boundaries == null ? 0 : boundaries.length)
              + ", and values="
              + Arrays.toString(values)
              + " of length "
              + (values == null ? 0 : values.length)
              + ".");
    }
    for (int i = 1; i < boundaries.length; i++) {
      if (boundaries[i] <= boundaries[i - 1]) {
        throw new IllegalArgumentException(
            CLS
                + ": boundaries must be strictly increasing. Received: boundaries="
                + Arrays.toString(boundaries));
      }
    }
    for (double v : values) {
      Checks.finite(CLS, "values", v);
    }
    this.boundaries = boundaries.clone();
    this.values = values.clone();
  }

  /** Keras's name of the schedule (default {@code "PiecewiseConstant"}). */
  public PiecewiseConstantDecay name(String name) {
    this.name = Checks.name(CLS, name);
    return this;
  }

  public long[] boundaries() {
    return boundaries.clone();
  }

  public double[] values() {
    return values.clone();
  }

  @Override
  public double apply(long step) {
    int i = 0;
    while (i < boundaries.length && step > boundaries[i]) {
      i++;
    }
    return values[i];
  }

  @Override
  public Map<String, Object> getConfig() {
    List<Object> b = new ArrayList<>(boundaries.length);
    for (long x : boundaries) {
      b.add(x);
    }
    List<Object> v = new ArrayList<>(values.length);
    for (double x : values) {
      v.add(x);
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("boundaries", b);
    c.put("values", v);
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

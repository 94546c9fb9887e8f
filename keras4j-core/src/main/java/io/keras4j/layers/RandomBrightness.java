package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.random.RandomOps;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Changes the brightness of images at random during training, as Keras's {@code RandomBrightness}:
 * each image gets {@code delta * (high - low)} added to every value, with {@code delta} drawn
 * uniformly from {@code [lower, upper]} (both in [-1, 1]) and {@code [low, high]} the value range
 * (default {@code [0, 255]}); the result is clipped to the value range. The identity at inference.
 * Images are {@code (batch, height, width, channels)} or one {@code (height, width, channels)}.
 */
public class RandomBrightness extends RandomLayer {
  private final double lower;
  private final double upper;
  private double[] valueRange = {0, 255};

  /** Deltas in {@code [-factor, factor]}, {@code factor} in [0, 1]. */
  public RandomBrightness(double factor) {
    this(-check(factor, 0), check(factor, 0));
  }

  /** Deltas in {@code [lower, upper]}, both in [-1, 1]. */
  public RandomBrightness(double lower, double upper) {
    this.lower = check(lower, -1);
    this.upper = check(upper, -1);
    if (lower > upper) {
      throw new IllegalArgumentException(
          "RandomBrightness: factor must be (lower, upper) with lower <= upper. Received: factor=("
              + lower
              + ", "
              + upper
              + ")");
    }
  }

  private static double check(double value, double min) {
    if (!(value >= min && value <= 1)) {
      throw new IllegalArgumentException(
          "Invalid value received for argument `factor` of layer RandomBrightness. Expected a value"
              + " between "
              + min
              + " and 1. Received: factor="
              + value);
    }
    return value;
  }

  /** The value range of the images (default {@code [0, 255]}). */
  public RandomBrightness valueRange(double low, double high) {
    checkNotBuilt("valueRange");
    this.valueRange = ImageLayers.valueRange("RandomBrightness", low, high);
    return this;
  }

  @Override
  public RandomBrightness seed(long seed) {
    super.seed(seed);
    return this;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ImageLayers.checkImages("RandomBrightness", name(), inputs);
    if (!ctx.training()) {
      return inputs;
    }
    boolean batched = s.length == 4;
    Tensor x = batched ? inputs.asFloat() : Ops.expandDims(inputs.asFloat(), 0);
    int n = ShapeRefs.of(x)[0];
    Tensor delta = RandomOps.uniform(new int[] {n, 1, 1, 1}, lower, upper, nextSeed());
    Tensor y = Ops.add(x, Ops.multiply(delta, (float) (valueRange[1] - valueRange[0])));
    y = Ops.clip(y, (float) valueRange[0], (float) valueRange[1]);
    return batched ? y : Ops.squeeze(y, 0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", List.of(lower, upper));
    c.put("value_range", List.of(valueRange[0], valueRange[1]));
    return c;
  }

  public static RandomBrightness fromConfig(Config c) {
    Object f = c.get("factor");
    RandomBrightness r =
        f instanceof List<?> l
            ? new RandomBrightness(
                ((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue())
            : new RandomBrightness(c.getDouble("factor"));
    if (c.has("value_range")) {
      List<Object> v = c.getList("value_range");
      r.valueRange(((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue());
    }
    return withSeedAndBase(c, r);
  }
}

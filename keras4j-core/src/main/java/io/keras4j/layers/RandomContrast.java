package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.random.RandomOps;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Changes the contrast of images at random during training, as Keras's {@code RandomContrast}: each
 * image gets a factor drawn uniformly from {@code [1 - lower, 1 + upper]} and each of its channels
 * becomes {@code (x - mean) * factor + mean} (the mean over the channel's pixels), clipped to
 * {@code valueRange} (default {@code [0, 255]}); the identity at inference. Images are {@code
 * (batch, height, width, channels)} or one {@code (height, width, channels)}.
 */
public class RandomContrast extends RandomLayer {
  private final double lower;
  private final double upper;
  private double[] valueRange = {0, 255};

  /** The same bound both ways: factors in {@code [1 - factor, 1 + factor]}. */
  public RandomContrast(double factor) {
    this(factor, factor);
  }

  /** Factors in {@code [1 - lower, 1 + upper]}; both in [0, 1]. */
  public RandomContrast(double lower, double upper) {
    this.lower = unitInterval("RandomContrast", "factor", lower);
    this.upper = unitInterval("RandomContrast", "factor", upper);
  }

  /** The range the output is clipped to (default {@code [0, 255]}). */
  public RandomContrast valueRange(double low, double high) {
    checkNotBuilt("valueRange");
    this.valueRange = ImageLayers.valueRange("RandomContrast", low, high);
    return this;
  }

  @Override
  public RandomContrast seed(long seed) {
    super.seed(seed);
    return this;
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] s = ImageLayers.checkImages("RandomContrast", name(), inputs);
    if (!ctx.training()) {
      return inputs;
    }
    boolean batched = s.length == 4;
    Tensor x = batched ? inputs.asFloat() : Ops.expandDims(inputs.asFloat(), 0);
    int n = ShapeRefs.of(x)[0];
    Tensor factor = RandomOps.uniform(new int[] {n, 1, 1, 1}, 1 - lower, 1 + upper, nextSeed());
    Tensor mean = Ops.mean(x, new int[] {1, 2}, true);
    Tensor y = Ops.add(Ops.multiply(Ops.subtract(x, mean), factor), mean);
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

  public static RandomContrast fromConfig(Config c) {
    Object f = c.get("factor");
    RandomContrast r;
    if (f instanceof List<?> l) {
      r = new RandomContrast(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue());
    } else {
      r = new RandomContrast(c.getDouble("factor"));
    }
    if (c.has("value_range")) {
      List<Object> v = c.getList("value_range");
      r.valueRange(((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue());
    }
    return withSeedAndBase(c, r);
  }
}

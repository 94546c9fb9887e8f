package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The spatial dropout layers, as Keras's {@code BaseSpatialDropout}: in training, whole channels
 * (feature maps) of each sample are set to 0 with probability {@code rate} and the others scaled by
 * {@code 1 / (1 - rate)}; at inference the identity. Seeded as {@link Dropout}: a layer seed, or
 * else {@code Keras.setRandomSeed}, repeats the same masks.
 */
public abstract class BaseSpatialDropout extends RandomLayer {
  private final double rate;
  private final int dims;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** Dropout of whole channels over {@code dims} spatial axes, {@code rate} in [0, 1]. */
  protected BaseSpatialDropout(double rate, int dims) {
    this.rate = unitInterval(getClass().getSimpleName(), "rate", rate);
    this.dims = dims;
    inputSpec(InputSpec.ndim(dims + 2));
  }

  public double rate() {
    return rate;
  }

  public String dataFormat() {
    return dataFormat;
  }

  /** Sets the data format; the 2-D and 3-D layers expose it as an option. */
  protected final void setDataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat(getClass().getSimpleName(), dataFormat);
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, dims + 2, inputShape);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    if (!ctx.training() || rate == 0) {
      return inputs;
    }
    if (rate == 1) {
      return Ops.multiply(inputs, 0f);
    }
    int[] s = ShapeRefs.of(inputs);
    // One draw per (sample, channel), shared by every spatial position.
    int[] maskShape = new int[s.length];
    java.util.Arrays.fill(maskShape, 1);
    maskShape[0] = s[0];
    int channelAxis = SpatialArgs.channelsFirst(dataFormat) ? 1 : s.length - 1;
    maskShape[channelAxis] = s[channelAxis];
    return Ops.multiply(inputs, Noise.dropoutMask(maskShape, 1 - rate, nextSeed()));
  }

  /**
   * Keras's config: rate, seed, name and dtype (and the data format of the 2-D and 3-D layers);
   * Keras's constructor takes no {@code trainable}, so none is written.
   */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("trainable");
    c.put("rate", rate);
    if (dims > 1) {
      c.put("data_format", dataFormat);
    }
    return c;
  }

  /** Reads the data format (2-D and 3-D), the seed and the base options of a config. */
  protected static <L extends BaseSpatialDropout> L readConfig(Config c, L layer) {
    if (((BaseSpatialDropout) layer).dims > 1) {
      layer.setDataFormat(c.has("data_format") ? c.getString("data_format") : null);
    }
    return withSeedAndBase(c, layer);
  }
}

package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The global max and average pooling layers, as Keras's {@code BaseGlobalPooling}: one value per
 * channel over every spatial axis; with {@code keepdims} the spatial axes stay, of size 1.
 *
 * @param <L> the concrete layer class
 */
public abstract class BaseGlobalPooling<L extends BaseGlobalPooling<L>> extends Layer {
  private final int dims;
  private final boolean max;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;
  private boolean keepdims;

  /** A global pooling layer over {@code dims} spatial axes; {@code max} or average. */
  protected BaseGlobalPooling(int dims, boolean max) {
    this.dims = dims;
    this.max = max;
    inputSpec(InputSpec.ndim(dims + 2));
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public L dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat(getClass().getSimpleName(), dataFormat);
    return self();
  }

  /** Whether the spatial axes stay, with size 1 (default false, as Keras). */
  public L keepdims(boolean keepdims) {
    checkNotBuilt("keepdims");
    this.keepdims = keepdims;
    return self();
  }

  public String dataFormat() {
    return dataFormat;
  }

  public boolean keepdims() {
    return keepdims;
  }

  /** The spatial axes of the input. */
  protected final int[] spatialAxes() {
    return SpatialArgs.spatialAxes(dims + 2, dataFormat);
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, dims + 2, inputShape);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return max
        ? Ops.max(inputs, spatialAxes(), keepdims)
        : Ops.mean(inputs, spatialAxes(), keepdims);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    boolean first = SpatialArgs.channelsFirst(dataFormat);
    int channels = inputShape[first ? 1 : inputShape.length - 1];
    if (!keepdims) {
      return new int[] {inputShape[0], channels};
    }
    int[] out = new int[inputShape.length];
    java.util.Arrays.fill(out, 1);
    out[0] = inputShape[0];
    out[first ? 1 : out.length - 1] = channels;
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("data_format", dataFormat);
    c.put("keepdims", keepdims);
    return c;
  }

  /** Reads data format, keepdims and the base options of a global pooling layer's config. */
  protected static <L extends BaseGlobalPooling<L>> L readConfig(Config c, L layer) {
    layer.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    layer.keepdims(c.getBoolean("keepdims", false));
    return layer.applyBaseConfig(c, layer);
  }
}

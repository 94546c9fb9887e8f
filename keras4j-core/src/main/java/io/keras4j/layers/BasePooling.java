package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * The max and average pooling layers over 1 to 3 spatial axes, as Keras's {@code BasePooling}: a
 * pool size (the constructor's argument), strides (default: the pool size), padding {@code "valid"}
 * or {@code "same"} and a data format. The options return the concrete layer, so that {@code new
 * MaxPooling2D(3).strides(2).padding("same")} is a {@code MaxPooling2D}.
 *
 * @param <L> the concrete layer class
 */
public abstract class BasePooling<L extends BasePooling<L>> extends Layer {
  private final int dims;
  private final boolean max;
  private final int[] poolSize;
  private int[] strides;
  private String padding = "valid";
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** A pooling layer over {@code dims} spatial axes; {@code max} or average. */
  protected BasePooling(int dims, boolean max, int[] poolSize) {
    this.dims = dims;
    this.max = max;
    this.poolSize = SpatialArgs.tuple(layerClass(), "pool_size", poolSize, dims, false);
    this.strides = this.poolSize;
    inputSpec(InputSpec.ndim(dims + 2));
  }

  private String layerClass() {
    return getClass().getSimpleName();
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** The step between windows: one value for every axis or one per axis (default: pool size). */
  public L strides(int... strides) {
    checkNotBuilt("strides");
    this.strides = SpatialArgs.tuple(layerClass(), "strides", strides, dims, false);
    return self();
  }

  /** {@code "valid"} (the default: only whole windows) or {@code "same"}. */
  public L padding(String padding) {
    checkNotBuilt("padding");
    this.padding = SpatialArgs.padding(layerClass(), padding);
    return self();
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public L dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat(layerClass(), dataFormat);
    return self();
  }

  public int[] poolSize() {
    return poolSize.clone();
  }

  public int[] strides() {
    return strides.clone();
  }

  public String padding() {
    return padding;
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, dims + 2, inputShape);
    outputShape(inputShape); // a pool larger than the input throws before the build
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    outputShape(ShapeRefs.of(inputs)); // checks the window against the input, naming the layer
    return max
        ? Ops.maxPool(inputs, poolSize, strides, padding, dataFormat)
        : Ops.averagePool(inputs, poolSize, strides, padding, dataFormat);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return outputShape(inputShape);
  }

  /** Keras's {@code compute_pooling_output_shape}; -1 stays unknown. */
  private int[] outputShape(int[] inputShape) {
    int[] out = inputShape.clone();
    int[] axes = SpatialArgs.spatialAxes(inputShape.length, dataFormat);
    for (int i = 0; i < axes.length; i++) {
      int n = inputShape[axes[i]];
      if (n < 0) {
        continue;
      }
      if (padding.equals("same")) {
        out[axes[i]] = (n + strides[i] - 1) / strides[i];
      } else if (n < poolSize[i]) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' ("
                + layerClass()
                + "): the pool is larger than the input with padding 'valid'. Received:"
                + " pool_size="
                + Arrays.toString(poolSize)
                + " for an input of shape "
                + SpatialArgs.shape(inputShape)
                + " (data_format="
                + dataFormat
                + ")");
      } else {
        out[axes[i]] = (n - poolSize[i]) / strides[i] + 1;
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("pool_size", Config.list(poolSize));
    c.put("padding", padding);
    c.put("strides", Config.list(strides));
    c.put("data_format", dataFormat);
    return c;
  }

  /** Reads strides, padding, data format and the base options of a pooling layer's config. */
  protected static <L extends BasePooling<L>> L readConfig(Config c, L layer) {
    int[] s = c.getInts("strides", null);
    if (s != null) {
      layer.strides(s);
    }
    layer.padding(c.getString("padding", "valid"));
    layer.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return layer.applyBaseConfig(c, layer);
  }
}

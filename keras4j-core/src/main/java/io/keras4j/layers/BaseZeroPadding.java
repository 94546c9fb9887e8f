package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * What {@link ZeroPadding2D} and {@link ZeroPadding3D} share: one {@code (before, after)} pair of
 * zeros per spatial axis, added with {@link Ops#pad}.
 */
abstract class BaseZeroPadding<L extends BaseZeroPadding<L>> extends Layer {
  private final String cls;
  private final int spatial;
  private final int[][] padding;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  BaseZeroPadding(String cls, int spatial, int[][] padding) {
    this.cls = cls;
    this.spatial = spatial;
    this.padding = SpatialArgs.pairs(cls, "padding", padding, spatial);
    inputSpec(InputSpec.ndim(spatial + 2));
  }

  @SuppressWarnings("unchecked")
  private L self() {
    return (L) this;
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public L dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat(cls, dataFormat);
    return self();
  }

  public int[][] padding() {
    return SpatialArgs.pairs(cls, "padding", padding, spatial);
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, spatial + 2, inputShape);
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return Ops.pad(inputs, SpatialArgs.allAxes(padding, ShapeRefs.of(inputs).length, dataFormat));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return SpatialArgs.resized(inputShape, padding, dataFormat, 1);
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("padding", SpatialArgs.writePairs(padding));
    c.put("data_format", dataFormat);
    return c;
  }

  /** Reads a config's padding (Keras's default, 1 on every side, when absent). */
  static int[][] readPadding(String cls, Config c, int spatial) {
    int[] ones = new int[spatial];
    java.util.Arrays.fill(ones, 1);
    return SpatialArgs.readPairs(cls, c, "padding", spatial, SpatialArgs.symmetric(ones));
  }

  /** The data format and the base options of a config, for the subclasses' fromConfig. */
  static <L extends BaseZeroPadding<L>> L withFormatAndBase(Config c, L layer) {
    layer.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return layer.applyBaseConfig(c, layer);
  }
}

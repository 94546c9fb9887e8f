package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adds zero steps at the start and end of sequences, as Keras's {@code ZeroPadding1D}: {@code
 * (batch, steps, features)} becomes {@code (batch, left + steps + right, features)}; the default
 * pads 1 step on each side.
 */
public class ZeroPadding1D extends Layer {
  private final int[][] padding;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** One zero step on each side. */
  public ZeroPadding1D() {
    this(1);
  }

  /** The same number of zero steps on each side. */
  public ZeroPadding1D(int padding) {
    this(padding, padding);
  }

  /** {@code left} zero steps before the sequence, {@code right} after. */
  public ZeroPadding1D(int left, int right) {
    this.padding = SpatialArgs.pairs("ZeroPadding1D", "padding", new int[][] {{left, right}}, 1);
    inputSpec(InputSpec.ndim(3));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public ZeroPadding1D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("ZeroPadding1D", dataFormat);
    return this;
  }

  /** {@code (left, right)}. */
  public int[] padding() {
    return padding[0].clone();
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 3, inputShape);
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
    c.put("padding", Config.list(padding[0]));
    c.put("data_format", dataFormat);
    return c;
  }

  public static ZeroPadding1D fromConfig(Config c) {
    int[][] p = SpatialArgs.readPairs("ZeroPadding1D", c, "padding", 1, SpatialArgs.symmetric(1));
    ZeroPadding1D z = new ZeroPadding1D(p[0][0], p[0][1]);
    z.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return z.applyBaseConfig(c, z);
  }
}

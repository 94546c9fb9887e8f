package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adds zeros around volumes, as Keras's {@code ZeroPadding3D}: {@code padding} is one {@code
 * (before, after)} pair per spatial axis; the default pads 1 on every side.
 */
public class ZeroPadding3D extends Layer {
  private final int[][] padding;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** One plane of zeros on every side. */
  public ZeroPadding3D() {
    this(1);
  }

  /** The same padding on every side. */
  public ZeroPadding3D(int padding) {
    this(padding, padding, padding);
  }

  /** Symmetric padding: the same amount before and after on each spatial axis. */
  public ZeroPadding3D(int dim1, int dim2, int dim3) {
    this(SpatialArgs.symmetric(dim1, dim2, dim3));
  }

  /** One {@code (before, after)} pair per spatial axis. */
  public ZeroPadding3D(int[][] padding) {
    this.padding = SpatialArgs.pairs("ZeroPadding3D", "padding", padding, 3);
    inputSpec(InputSpec.ndim(5));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public ZeroPadding3D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("ZeroPadding3D", dataFormat);
    return this;
  }

  public int[][] padding() {
    return SpatialArgs.pairs("ZeroPadding3D", "padding", padding, 3);
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 5, inputShape);
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

  public static ZeroPadding3D fromConfig(Config c) {
    int[][] p =
        SpatialArgs.readPairs("ZeroPadding3D", c, "padding", 3, SpatialArgs.symmetric(1, 1, 1));
    ZeroPadding3D z = new ZeroPadding3D(p);
    z.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return z.applyBaseConfig(c, z);
  }
}

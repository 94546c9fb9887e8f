package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Adds rows and columns of zeros around images, as Keras's {@code ZeroPadding2D}: {@code padding}
 * is {@code ((top, bottom), (left, right))}; the default pads 1 on every side.
 */
public class ZeroPadding2D extends Layer {
  private final int[][] padding;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** One row or column of zeros on every side. */
  public ZeroPadding2D() {
    this(1);
  }

  /** The same padding on every side. */
  public ZeroPadding2D(int padding) {
    this(padding, padding);
  }

  /** Symmetric padding: {@code height} rows above and below, {@code width} columns each side. */
  public ZeroPadding2D(int height, int width) {
    this(SpatialArgs.symmetric(height, width));
  }

  /** {@code ((top, bottom), (left, right))}. */
  public ZeroPadding2D(int[][] padding) {
    this.padding = SpatialArgs.pairs("ZeroPadding2D", "padding", padding, 2);
    inputSpec(InputSpec.ndim(4));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public ZeroPadding2D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("ZeroPadding2D", dataFormat);
    return this;
  }

  public int[][] padding() {
    return SpatialArgs.pairs("ZeroPadding2D", "padding", padding, 2);
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 4, inputShape);
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

  public static ZeroPadding2D fromConfig(Config c) {
    int[][] p =
        SpatialArgs.readPairs("ZeroPadding2D", c, "padding", 2, SpatialArgs.symmetric(1, 1));
    ZeroPadding2D z = new ZeroPadding2D(p);
    z.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return z.applyBaseConfig(c, z);
  }
}

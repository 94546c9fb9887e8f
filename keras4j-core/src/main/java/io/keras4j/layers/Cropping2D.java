package io.keras4j.layers;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Cuts rows and columns off the edges of images, as Keras's {@code Cropping2D}: {@code cropping} is
 * {@code ((top, bottom), (left, right))}; the default crops nothing. What is cut must leave at
 * least one row and one column.
 */
public class Cropping2D extends Layer {
  private final int[][] cropping;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** Crops nothing (Keras's default). */
  public Cropping2D() {
    this(0);
  }

  /** The same cropping on every side. */
  public Cropping2D(int cropping) {
    this(cropping, cropping);
  }

  /**
   * Symmetric cropping: {@code height} rows at the top and bottom, {@code width} columns each side.
   */
  public Cropping2D(int height, int width) {
    this(SpatialArgs.symmetric(height, width));
  }

  /** {@code ((top, bottom), (left, right))}. */
  public Cropping2D(int[][] cropping) {
    this.cropping = SpatialArgs.pairs("Cropping2D", "cropping", cropping, 2);
    inputSpec(InputSpec.ndim(4));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public Cropping2D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("Cropping2D", dataFormat);
    return this;
  }

  public int[][] cropping() {
    return SpatialArgs.pairs("Cropping2D", "cropping", cropping, 2);
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 4, inputShape);
    outputShape(inputShape); // cropping everything throws before the build
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] shape = ShapeRefs.of(inputs);
    int[] size = outputShape(shape);
    int[] start = new int[shape.length];
    int[][] all = SpatialArgs.allAxes(cropping, shape.length, dataFormat);
    for (int i = 0; i < shape.length; i++) {
      start[i] = all[i][0];
    }
    return Ops.slice(inputs, start, size);
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return outputShape(inputShape);
  }

  private int[] outputShape(int[] inputShape) {
    int[] out = SpatialArgs.resized(inputShape, cropping, dataFormat, -1);
    int[] axes = SpatialArgs.spatialAxes(inputShape.length, dataFormat);
    for (int axis : axes) {
      if (inputShape[axis] >= 0 && out[axis] <= 0) {
        throw new IllegalArgumentException(
            "Layer '"
                + name()
                + "' (Cropping2D): the cropping must be smaller than the input's spatial sizes."
                + " Received: cropping="
                + Arrays.deepToString(cropping)
                + " for an input of shape "
                + SpatialArgs.shape(inputShape)
                + " (data_format="
                + dataFormat
                + ")");
      }
    }
    return out;
  }

  @Override
  protected DType computeOutputDtype(List<DType> inputDtypes) {
    return inputDtypes.get(0);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("cropping", SpatialArgs.writePairs(cropping));
    c.put("data_format", dataFormat);
    return c;
  }

  public static Cropping2D fromConfig(Config c) {
    int[][] p = SpatialArgs.readPairs("Cropping2D", c, "cropping", 2, SpatialArgs.symmetric(0, 0));
    Cropping2D l = new Cropping2D(p);
    l.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return l.applyBaseConfig(c, l);
  }
}

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
 * Cuts planes off the edges of volumes, as Keras's {@code Cropping3D}: {@code cropping} is one
 * {@code (before, after)} pair per spatial axis; the default crops 1 on every side. What is cut
 * must leave at least one position on each axis.
 */
public class Cropping3D extends Layer {
  private final int[][] cropping;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  /** Crops 1 on every side (Keras's default). */
  public Cropping3D() {
    this(1);
  }

  /** The same cropping on every side. */
  public Cropping3D(int cropping) {
    this(cropping, cropping, cropping);
  }

  /** Symmetric cropping: the same amount before and after on each spatial axis. */
  public Cropping3D(int dim1, int dim2, int dim3) {
    this(SpatialArgs.symmetric(dim1, dim2, dim3));
  }

  /** One {@code (before, after)} pair per spatial axis. */
  public Cropping3D(int[][] cropping) {
    this.cropping = SpatialArgs.pairs("Cropping3D", "cropping", cropping, 3);
    inputSpec(InputSpec.ndim(5));
  }

  /** {@code "channels_last"} (the default) or {@code "channels_first"}. */
  public Cropping3D dataFormat(String dataFormat) {
    checkNotBuilt("dataFormat");
    this.dataFormat = SpatialArgs.dataFormat("Cropping3D", dataFormat);
    return this;
  }

  public int[][] cropping() {
    return SpatialArgs.pairs("Cropping3D", "cropping", cropping, 3);
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, 5, inputShape);
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
                + "' (Cropping3D): the cropping must be smaller than the input's spatial sizes."
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

  public static Cropping3D fromConfig(Config c) {
    int[][] p =
        SpatialArgs.readPairs("Cropping3D", c, "cropping", 3, SpatialArgs.symmetric(1, 1, 1));
    Cropping3D l = new Cropping3D(p);
    l.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return l.applyBaseConfig(c, l);
  }
}

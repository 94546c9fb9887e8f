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
 * What {@link Cropping2D} and {@link Cropping3D} share: one {@code (before, after)} pair per
 * spatial axis, cut off with a slice; what is cut must leave at least one position on each axis.
 */
abstract class BaseCropping<L extends BaseCropping<L>> extends Layer {
  private final String cls;
  private final int spatial;
  private final int[][] cropping;
  private String dataFormat = SpatialArgs.CHANNELS_LAST;

  BaseCropping(String cls, int spatial, int[][] cropping) {
    this.cls = cls;
    this.spatial = spatial;
    this.cropping = SpatialArgs.pairs(cls, "cropping", cropping, spatial);
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

  public int[][] cropping() {
    return SpatialArgs.pairs(cls, "cropping", cropping, spatial);
  }

  public String dataFormat() {
    return dataFormat;
  }

  @Override
  protected void onBuild(int[] inputShape) {
    SpatialArgs.checkRank(this, spatial + 2, inputShape);
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
                + "' ("
                + cls
                + "): the cropping must be smaller than the input's spatial sizes."
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

  /** Reads a config's cropping (Keras's {@code dflt} when absent), for the subclasses. */
  static int[][] readCropping(String cls, Config c, int spatial, int[][] dflt) {
    return SpatialArgs.readPairs(cls, c, "cropping", spatial, dflt);
  }

  /** The data format and the base options of a config, for the subclasses' fromConfig. */
  static <L extends BaseCropping<L>> L withFormatAndBase(Config c, L layer) {
    layer.dataFormat(c.has("data_format") ? c.getString("data_format") : null);
    return layer.applyBaseConfig(c, layer);
  }
}

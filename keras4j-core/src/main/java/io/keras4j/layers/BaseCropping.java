package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;
import java.util.Arrays;

/**
 * What {@link Cropping2D} and {@link Cropping3D} share: one {@code (before, after)} pair per
 * spatial axis, cut off with a slice; what is cut must leave at least one position on each axis.
 */
abstract class BaseCropping<L extends BaseCropping<L>> extends BaseSpatialPairs<L> {
  BaseCropping(String cls, int spatial, int[][] cropping) {
    super(cls, spatial, "cropping", cropping);
  }

  public int[][] cropping() {
    return pairsCopy();
  }

  @Override
  protected void onBuild(int[] inputShape) {
    super.onBuild(inputShape);
    outputShape(inputShape); // cropping everything throws before the build
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    int[] shape = ShapeRefs.of(inputs);
    int[] size = outputShape(shape);
    int[] start = new int[shape.length];
    int[][] all = SpatialArgs.allAxes(pairs, shape.length, dataFormat);
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
    int[] out = SpatialArgs.resized(inputShape, pairs, dataFormat, -1);
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
                + Arrays.deepToString(pairs)
                + " for an input of shape "
                + SpatialArgs.shape(inputShape)
                + " (data_format="
                + dataFormat
                + ")");
      }
    }
    return out;
  }

  /** Reads a config's cropping (Keras's {@code dflt} when absent), for the subclasses. */
  static int[][] readCropping(String cls, Config c, int spatial, int[][] dflt) {
    return SpatialArgs.readPairs(cls, c, "cropping", spatial, dflt);
  }
}

package io.keras4j.layers;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import io.keras4j.saving.Config;

/**
 * What {@link ZeroPadding2D} and {@link ZeroPadding3D} share: one {@code (before, after)} pair of
 * zeros per spatial axis, added with {@link Ops#pad}.
 */
abstract class BaseZeroPadding<L extends BaseZeroPadding<L>> extends BaseSpatialPairs<L> {
  BaseZeroPadding(String cls, int spatial, int[][] padding) {
    super(cls, spatial, "padding", padding);
  }

  public int[][] padding() {
    return pairsCopy();
  }

  @Override
  protected Tensor call(Tensor inputs, CallContext ctx) {
    return Ops.pad(inputs, SpatialArgs.allAxes(pairs, ShapeRefs.of(inputs).length, dataFormat));
  }

  @Override
  public int[] computeOutputShape(int[] inputShape) {
    return SpatialArgs.resized(inputShape, pairs, dataFormat, 1);
  }

  /** Reads a config's padding (Keras's default, 1 on every side, when absent). */
  static int[][] readPadding(String cls, Config c, int spatial) {
    int[] ones = new int[spatial];
    java.util.Arrays.fill(ones, 1);
    return SpatialArgs.readPairs(cls, c, "padding", spatial, SpatialArgs.symmetric(ones));
  }
}

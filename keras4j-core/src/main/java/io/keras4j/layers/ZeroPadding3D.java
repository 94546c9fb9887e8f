package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Adds zeros around volumes, as Keras's {@code ZeroPadding3D}: {@code padding} is one {@code
 * (before, after)} pair per spatial axis; the default pads 1 on every side.
 */
public class ZeroPadding3D extends BaseZeroPadding<ZeroPadding3D> {

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
    super("ZeroPadding3D", 3, padding);
  }

  public static ZeroPadding3D fromConfig(Config c) {
    return withFormatAndBase(c, new ZeroPadding3D(readPadding("ZeroPadding3D", c, 3)));
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Adds rows and columns of zeros around images, as Keras's {@code ZeroPadding2D}: {@code padding}
 * is {@code ((top, bottom), (left, right))}; the default pads 1 on every side.
 */
public class ZeroPadding2D extends BaseZeroPadding<ZeroPadding2D> {

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
    super("ZeroPadding2D", 2, padding);
  }

  public static ZeroPadding2D fromConfig(Config c) {
    return withFormatAndBase(c, new ZeroPadding2D(readPadding("ZeroPadding2D", c, 2)));
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Cuts rows and columns off the edges of images, as Keras's {@code Cropping2D}: {@code cropping} is
 * {@code ((top, bottom), (left, right))}; the default crops nothing. What is cut must leave at
 * least one row and one column.
 */
public class Cropping2D extends BaseCropping<Cropping2D> {

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
    super("Cropping2D", 2, cropping);
  }

  public static Cropping2D fromConfig(Config c) {
    return withFormatAndBase(
        c, new Cropping2D(readCropping("Cropping2D", c, 2, SpatialArgs.symmetric(0, 0))));
  }
}

package io.keras4j.layers;

import io.keras4j.saving.Config;

/**
 * Cuts planes off the edges of volumes, as Keras's {@code Cropping3D}: {@code cropping} is one
 * {@code (before, after)} pair per spatial axis; the default crops 1 on every side. What is cut
 * must leave at least one position on each axis.
 */
public class Cropping3D extends BaseCropping<Cropping3D> {

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
    super("Cropping3D", 3, cropping);
  }

  public static Cropping3D fromConfig(Config c) {
    return withFormatAndBase(
        c, new Cropping3D(readCropping("Cropping3D", c, 3, SpatialArgs.symmetric(1, 1, 1))));
  }
}

package io.keras4j.preprocessing.image;

/**
 * The parameters of one image's random transform, as the dictionary Keras's {@code
 * ImageDataGenerator.get_random_transform} returns and {@code apply_transform} reads.
 *
 * <p>As in Keras, {@code tx} moves along the matrix's first coordinate and {@code ty} along its
 * second, and Keras swaps those coordinates into (column, row) before resampling: so {@code tx}
 * (drawn from {@code heightShiftRange}, in pixels) shifts the image along its columns and {@code
 * ty} (from {@code widthShiftRange}) along its rows. A positive shift reads pixels further on,
 * moving the content towards the start; a positive {@code theta} turns the content
 * counter-clockwise.
 *
 * @param theta rotation angle in degrees
 * @param tx shift along the first (column) coordinate, in pixels
 * @param ty shift along the second (row) coordinate, in pixels
 * @param shear shear angle in degrees
 * @param zx zoom of the first coordinate (&gt; 1 shows less of the image)
 * @param zy zoom of the second coordinate
 * @param flipHorizontal whether to reverse the columns (after the affine transform)
 * @param flipVertical whether to reverse the rows (after the affine transform)
 */
public record TransformParameters(
    double theta,
    double tx,
    double ty,
    double shear,
    double zx,
    double zy,
    boolean flipHorizontal,
    boolean flipVertical) {

  /** No transform. */
  public static final TransformParameters IDENTITY =
      new TransformParameters(0, 0, 0, 0, 1, 1, false, false);

  /** A rotation by {@code theta} degrees. */
  public static TransformParameters rotation(double theta) {
    return new TransformParameters(theta, 0, 0, 0, 1, 1, false, false);
  }

  /** A shift by {@code tx}, {@code ty} pixels (see the class comment for the axes). */
  public static TransformParameters shift(double tx, double ty) {
    return new TransformParameters(0, tx, ty, 0, 1, 1, false, false);
  }

  /** Flips only. */
  public static TransformParameters flips(boolean horizontal, boolean vertical) {
    return new TransformParameters(0, 0, 0, 0, 1, 1, horizontal, vertical);
  }

  /** Whether there is an affine part (rotation, shift, shear or zoom). */
  boolean isAffine() {
    return theta != 0 || tx != 0 || ty != 0 || shear != 0 || zx != 1 || zy != 1;
  }

  /**
   * The row {@code [a0, a1, a2, b0, b1, b2, 0, 0]} of {@code keras.ops.image.affine_transform} for
   * an image of {@code h} rows and {@code w} columns: Keras's legacy {@code apply_affine_transform}
   * matrix (rotation, shift, shear, zoom composed in that order, centred with {@code
   * transform_matrix_offset_center(m, h, w)}), then the flips, composed so that one resampling does
   * all.
   */
  float[] affineRow(int h, int w) {
    double[][] m = identity();
    if (theta != 0) {
      double t = Math.toRadians(theta);
      m =
          times(
              m,
              new double[][] {
                {Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0}, {0, 0, 1}
              });
    }
    if (tx != 0 || ty != 0) {
      m = times(m, new double[][] {{1, 0, tx}, {0, 1, ty}, {0, 0, 1}});
    }
    if (shear != 0) {
      double s = Math.toRadians(shear);
      m = times(m, new double[][] {{1, -Math.sin(s), 0}, {0, Math.cos(s), 0}, {0, 0, 1}});
    }
    if (zx != 1 || zy != 1) {
      m = times(m, new double[][] {{zx, 0, 0}, {0, zy, 0}, {0, 0, 1}});
    }
    // Keras centres with (h, w) on the (first, second) coordinates, which are (column, row).
    double ox = h / 2.0 - 0.5;
    double oy = w / 2.0 - 0.5;
    m =
        times(
            times(new double[][] {{1, 0, ox}, {0, 1, oy}, {0, 0, 1}}, m),
            new double[][] {{1, 0, -ox}, {0, 1, -oy}, {0, 0, 1}});
    // The flips run after the resampling: output (x, y) is the transform's (w-1-x, y) or (x,
    // h-1-y).
    if (flipHorizontal) {
      m = times(m, new double[][] {{-1, 0, w - 1}, {0, 1, 0}, {0, 0, 1}});
    }
    if (flipVertical) {
      m = times(m, new double[][] {{1, 0, 0}, {0, -1, h - 1}, {0, 0, 1}});
    }
    return new float[] {
      (float) m[0][0],
      (float) m[0][1],
      (float) m[0][2],
      (float) m[1][0],
      (float) m[1][1],
      (float) m[1][2],
      0f,
      0f
    };
  }

  private static double[][] identity() {
    return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  }

  private static double[][] times(double[][] a, double[][] b) {
    double[][] c = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
          s += a[i][k] * b[k][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }
}

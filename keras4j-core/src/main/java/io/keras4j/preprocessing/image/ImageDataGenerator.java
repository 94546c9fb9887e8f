package io.keras4j.preprocessing.image;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.ImageOps;
import io.keras4j.ops.Ops;
import io.keras4j.random.SeedGenerator;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Keras's legacy {@code keras.preprocessing.image.ImageDataGenerator}: random rotation, shifts,
 * shear, zoom and flips of images, rescaling and sample- or feature-wise standardization, fed to
 * {@code fit} batch by batch by {@link #flow}.
 *
 * <pre>{@code
 * var gen = new ImageDataGenerator().rotationRange(15).widthShiftRange(0.1).heightShiftRange(0.1)
 *     .horizontalFlip(true).rescale(1 / 255f);
 * model.fit(gen.flow(xTrain, yTrain, 32), new FitOptions().epochs(10));
 * }</pre>
 *
 * <p>Each image gets its own parameters, drawn as Keras's {@code get_random_transform} draws them
 * ({@link #getRandomTransform}); rotation, shift, shear and zoom are composed into one matrix about
 * the image centre as Keras's {@code apply_transform} composes them, the flips folded in, and a
 * whole batch is resampled in one {@link ImageOps#affineTransform} call (bilinear, with {@link
 * #fillMode} and {@link #cval}). The resampling is {@code keras.ops.image.affine_transform}'s
 * rather than scipy's {@code ndimage.affine_transform(order=1)} that Keras calls: inside the image
 * both are bilinear and give the same numbers (within float tolerance); within a pixel of the
 * border the fill modes may blend differently. The random numbers are this library's (seeded,
 * reproducible), not numpy's.
 *
 * <p>Then {@link #standardize} (rescale, samplewise, featurewise, in Keras's order) runs on the
 * transformed batch. Everything happens in the {@link NumpyArrayIterator}'s {@code get}, on the
 * {@code Sequence}'s background thread, so augmentation overlaps with training.
 */
public final class ImageDataGenerator {
  private boolean featurewiseCenter;
  private boolean samplewiseCenter;
  private boolean featurewiseStdNormalization;
  private boolean samplewiseStdNormalization;
  private double rotationRange;
  private ShiftRange widthShiftRange = ShiftRange.NONE;
  private ShiftRange heightShiftRange = ShiftRange.NONE;
  private double shearRange;
  private double zoomLow = 1;
  private double zoomHigh = 1;
  private String fillMode = "nearest";
  private float cval;
  private boolean horizontalFlip;
  private boolean verticalFlip;
  private Float rescale;
  private String dataFormat = "channels_last";
  private double validationSplit;
  private Tensor mean;
  private Tensor std;

  /**
   * Subtracts the per-channel mean of the data given to {@link #fit} (Keras turns it on with std).
   */
  public ImageDataGenerator featurewiseCenter(boolean on) {
    this.featurewiseCenter = on;
    return this;
  }

  /** Subtracts each image's own mean (over all its pixels and channels). */
  public ImageDataGenerator samplewiseCenter(boolean on) {
    this.samplewiseCenter = on;
    return this;
  }

  /** Divides by the per-channel std of {@link #fit}'s data (and centres, as Keras). */
  public ImageDataGenerator featurewiseStdNormalization(boolean on) {
    this.featurewiseStdNormalization = on;
    if (on) {
      featurewiseCenter = true;
    }
    return this;
  }

  /** Divides each image by its own std (and centres it, as Keras). */
  public ImageDataGenerator samplewiseStdNormalization(boolean on) {
    this.samplewiseStdNormalization = on;
    if (on) {
      samplewiseCenter = true;
    }
    return this;
  }

  /** Rotations drawn uniformly in {@code [-degrees, degrees]}. */
  public ImageDataGenerator rotationRange(double degrees) {
    this.rotationRange = nonNegative(degrees, "rotationRange");
    return this;
  }

  /**
   * Width shifts drawn uniformly in {@code [-range, range]}: a fraction of the width when {@code
   * range < 1}, pixels otherwise (Keras's float).
   */
  public ImageDataGenerator widthShiftRange(double range) {
    this.widthShiftRange = ShiftRange.uniform(nonNegative(range, "widthShiftRange"));
    return this;
  }

  /** Width shifts of a whole number of pixels in {@code (-range, range)} (Keras's int). */
  public ImageDataGenerator widthShiftRange(int range) {
    this.widthShiftRange = ShiftRange.integers(checkInt(range, "widthShiftRange"));
    return this;
  }

  /** Width shifts chosen among {@code values}, with a random sign (Keras's list). */
  public ImageDataGenerator widthShiftRange(double[] values) {
    this.widthShiftRange = ShiftRange.choices(values, "widthShiftRange");
    return this;
  }

  /** Height shifts, as {@link #widthShiftRange(double)} (fraction of the height below 1). */
  public ImageDataGenerator heightShiftRange(double range) {
    this.heightShiftRange = ShiftRange.uniform(nonNegative(range, "heightShiftRange"));
    return this;
  }

  public ImageDataGenerator heightShiftRange(int range) {
    this.heightShiftRange = ShiftRange.integers(checkInt(range, "heightShiftRange"));
    return this;
  }

  public ImageDataGenerator heightShiftRange(double[] values) {
    this.heightShiftRange = ShiftRange.choices(values, "heightShiftRange");
    return this;
  }

  /** Shear angles drawn uniformly in {@code [-degrees, degrees]} (counter-clockwise). */
  public ImageDataGenerator shearRange(double degrees) {
    this.shearRange = nonNegative(degrees, "shearRange");
    return this;
  }

  /** Zooms drawn uniformly in {@code [1 - range, 1 + range]} per axis. */
  public ImageDataGenerator zoomRange(double range) {
    return zoomRange(1 - range, 1 + range);
  }

  /** Zooms drawn uniformly in {@code [low, high]} per axis. */
  public ImageDataGenerator zoomRange(double low, double high) {
    if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: zoomRange should be a float or two floats [lower, upper]."
              + " Received: zoomRange=["
              + low
              + ", "
              + high
              + "]");
    }
    this.zoomLow = low;
    this.zoomHigh = high;
    return this;
  }

  /**
   * How points outside the image are filled: "nearest" (default), "constant", "reflect", "wrap".
   */
  public ImageDataGenerator fillMode(String fillMode) {
    if (!"nearest".equals(fillMode)
        && !"constant".equals(fillMode)
        && !"reflect".equals(fillMode)
        && !"wrap".equals(fillMode)) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: fillMode must be one of \"constant\", \"nearest\", \"reflect\","
              + " \"wrap\". Received: fillMode="
              + fillMode);
    }
    this.fillMode = fillMode;
    return this;
  }

  /** The value of points outside the image with fillMode "constant". */
  public ImageDataGenerator cval(float cval) {
    this.cval = cval;
    return this;
  }

  public ImageDataGenerator horizontalFlip(boolean on) {
    this.horizontalFlip = on;
    return this;
  }

  public ImageDataGenerator verticalFlip(boolean on) {
    this.verticalFlip = on;
    return this;
  }

  /** Multiplies the data by this factor, after the transform (Keras's rescale, e.g. 1/255). */
  public ImageDataGenerator rescale(float factor) {
    this.rescale = factor;
    return this;
  }

  /** "channels_last" (default) or "channels_first". */
  public ImageDataGenerator dataFormat(String dataFormat) {
    if (!"channels_last".equals(dataFormat) && !"channels_first".equals(dataFormat)) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: dataFormat should be \"channels_last\" (channel after row and"
              + " column) or \"channels_first\" (channel before row and column). Received:"
              + " dataFormat="
              + dataFormat);
    }
    this.dataFormat = dataFormat;
    return this;
  }

  public String dataFormat() {
    return dataFormat;
  }

  /** The per-channel mean from {@link #fit}, shaped to broadcast over an image, or null. */
  public Tensor mean() {
    return mean;
  }

  /** The per-channel std from {@link #fit}, shaped to broadcast over an image, or null. */
  public Tensor std() {
    return std;
  }

  // ---- statistics --------------------------------------------------------------------------

  /**
   * Keras's {@code fit(x)}: the per-channel mean (featurewise centre) and std (featurewise
   * normalization, of the centred data) of {@code x}, rescaled first; shaped {@code (1, 1, c)}
   * ({@code (c, 1, 1)} channels_first). Needed only for the featurewise options.
   */
  public ImageDataGenerator fit(Tensor x) {
    int[] s = checkImages(x, "fit");
    int c = channels(s);
    int[] axes = channelsFirst() ? new int[] {0, 2, 3} : new int[] {0, 1, 2};
    int[] statShape = channelsFirst() ? new int[] {c, 1, 1} : new int[] {1, 1, c};
    Tensor data = rescale != null ? Ops.multiply(x, Tensor.scalar(rescale)) : x;
    if (featurewiseCenter) {
      Tensor m = Ops.mean(data, axes, false);
      mean = Ops.reshape(m, statShape).copy();
      data = Ops.subtract(data, mean);
    }
    if (featurewiseStdNormalization) {
      Tensor centred = Ops.subtract(data, Ops.mean(data, axes, true));
      Tensor sd = Ops.sqrt(Ops.mean(Ops.square(centred), axes, false));
      std = Ops.reshape(sd, statShape).copy();
    }
    return this;
  }

  /**
   * Keras's {@code standardize} on one image or a batch: rescale, then each image's own centring
   * and std normalization, then the featurewise ones from {@link #fit} (an error when they are on
   * and {@code fit} was not called).
   */
  public Tensor standardize(Tensor x) {
    Tensor out = x;
    if (rescale != null) {
      out = Ops.multiply(out, Tensor.scalar(rescale));
    }
    int rank = out.rank();
    int[] imageAxes = rank == 4 ? new int[] {1, 2, 3} : new int[] {0, 1, 2};
    if (samplewiseCenter) {
      out = Ops.subtract(out, Ops.mean(out, imageAxes, true));
    }
    if (samplewiseStdNormalization) {
      Tensor centred = Ops.subtract(out, Ops.mean(out, imageAxes, true));
      Tensor sd = Ops.sqrt(Ops.mean(Ops.square(centred), imageAxes, true));
      out = Ops.divide(out, Ops.add(sd, Tensor.scalar(1e-6f)));
    }
    if (featurewiseCenter) {
      out = Ops.subtract(out, fitted(mean, "featurewiseCenter"));
    }
    if (featurewiseStdNormalization) {
      out =
          Ops.divide(
              out, Ops.add(fitted(std, "featurewiseStdNormalization"), Tensor.scalar(1e-6f)));
    }
    return out;
  }

  private static Tensor fitted(Tensor stat, String option) {
    if (stat == null) {
      throw new IllegalStateException(
          "This ImageDataGenerator specifies `"
              + option
              + "`, but it hasn't been fit on any training data. Fit it first by calling"
              + " `.fit(x)`.");
    }
    return stat;
  }

  // ---- transforms --------------------------------------------------------------------------

  /**
   * Keras's {@code get_random_transform} for an image of shape {@code imageShape} (rank 3, in this
   * generator's data format), with its draws in Keras's order: rotation, height shift, width shift,
   * shear, zoom (two values), horizontal and vertical flip.
   */
  public TransformParameters getRandomTransform(int[] imageShape, long seed) {
    return randomTransform(imageShape, new SplittableRandom(seed));
  }

  TransformParameters randomTransform(int[] imageShape, SplittableRandom rng) {
    int rows = channelsFirst() ? imageShape[1] : imageShape[0];
    int cols = channelsFirst() ? imageShape[2] : imageShape[1];
    double theta = rotationRange != 0 ? uniform(rng, -rotationRange, rotationRange) : 0;
    double tx = heightShiftRange.draw(rng, rows);
    double ty = widthShiftRange.draw(rng, cols);
    double shear = shearRange != 0 ? uniform(rng, -shearRange, shearRange) : 0;
    double zx = 1;
    double zy = 1;
    if (zoomLow != 1 || zoomHigh != 1) {
      zx = uniform(rng, zoomLow, zoomHigh);
      zy = uniform(rng, zoomLow, zoomHigh);
    }
    boolean flipH = rng.nextDouble() < 0.5 && horizontalFlip;
    boolean flipV = rng.nextDouble() < 0.5 && verticalFlip;
    return new TransformParameters(theta, tx, ty, shear, zx, zy, flipH, flipV);
  }

  /** Keras's {@code apply_transform} on one image (rank 3, this generator's data format). */
  public Tensor applyTransform(Tensor image, TransformParameters p) {
    int[] s = ShapeRefs.of(image);
    if (s.length != 3) {
      throw new IllegalArgumentException(
          "ImageDataGenerator.applyTransform: expected one image of rank 3. Received:"
              + " image.shape="
              + Shapes.toString(s));
    }
    Tensor batch = Ops.expandDims(image, 0);
    return Ops.squeeze(applyTransforms(batch, new TransformParameters[] {p}), 0);
  }

  /** One resampling of a batch, one transform per image (images without any are copied). */
  Tensor applyTransforms(Tensor batch, TransformParameters[] params) {
    int[] s = ShapeRefs.of(batch);
    int h = channelsFirst() ? s[2] : s[1];
    int w = channelsFirst() ? s[3] : s[2];
    boolean any = false;
    float[] rows = new float[params.length * 8];
    for (int i = 0; i < params.length; i++) {
      TransformParameters p = params[i];
      any |= p.isAffine() || p.flipHorizontal() || p.flipVertical();
      System.arraycopy(p.affineRow(h, w), 0, rows, i * 8, 8);
    }
    if (!any) {
      return batch;
    }
    return ImageOps.affineTransform(
        batch, Tensor.of(rows, params.length, 8), "bilinear", fillMode, cval, dataFormat);
  }

  /** Keras's {@code random_transform}: a random transform of one image. */
  public Tensor randomTransform(Tensor image, long seed) {
    return applyTransform(image, getRandomTransform(ShapeRefs.of(image), seed));
  }

  // ---- flow --------------------------------------------------------------------------------

  /** Batches of augmented {@code x} with their {@code y}, shuffled each epoch (Keras's flow). */
  public NumpyArrayIterator flow(Tensor x, Tensor y, int batchSize) {
    return flow(x, y, batchSize, true, SeedGenerator.nextGlobal());
  }

  /**
   * {@link #flow(Tensor, Tensor, int)} with Keras's {@code shuffle} and {@code seed}: the seed
   * fixes the order of every epoch and every image's transform; {@code y} may be null (images only,
   * for predict).
   */
  public NumpyArrayIterator flow(Tensor x, Tensor y, int batchSize, boolean shuffle, long seed) {
    checkImages(x, "flow");
    return new NumpyArrayIterator(x, y, this, batchSize, shuffle, seed);
  }

  /**
   * Keras's {@code validation_split}: the fraction of every class that {@link #flowFromDirectory}
   * gives to the "validation" subset (the first files of each class), the rest being "training".
   */
  public ImageDataGenerator validationSplit(double split) {
    if (!(split >= 0 && split < 1)) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: validationSplit must be strictly between 0 and 1 (0: none)."
              + " Received: validationSplit="
              + split);
    }
    this.validationSplit = split;
    return this;
  }

  public double validationSplit() {
    return validationSplit;
  }

  /**
   * Keras's {@code flow_from_directory(directory)} with its defaults ({@link
   * DirectoryFlowOptions}).
   */
  public DirectoryIterator flowFromDirectory(Path directory) {
    return flowFromDirectory(directory, new DirectoryFlowOptions());
  }

  /**
   * Keras's {@code flow_from_directory}: batches of the images in the class folders of {@code
   * directory}, read as they are needed, resized, transformed at random and standardized, with
   * their labels ({@link DirectoryIterator}).
   */
  public DirectoryIterator flowFromDirectory(Path directory, DirectoryFlowOptions options) {
    long seed = options.seed() != null ? options.seed() : SeedGenerator.nextGlobal();
    return DirectoryIterator.of(this, directory, options, seed);
  }

  // ---- helpers -----------------------------------------------------------------------------

  boolean channelsFirst() {
    return "channels_first".equals(dataFormat);
  }

  private int channels(int[] s) {
    return channelsFirst() ? s[1] : s[3];
  }

  private static int[] checkImages(Tensor x, String method) {
    int[] s = ShapeRefs.of(x);
    if (s.length != 4) {
      throw new IllegalArgumentException(
          "ImageDataGenerator."
              + method
              + ": input data should have rank 4 (a batch of images). Received: x.shape="
              + Shapes.toString(s));
    }
    return s;
  }

  static double uniform(SplittableRandom rng, double low, double high) {
    return low + (high - low) * rng.nextDouble();
  }

  private static double nonNegative(double v, String name) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: "
              + name
              + " must be a finite number >= 0. Received: "
              + name
              + "="
              + v);
    }
    return v;
  }

  private static int checkInt(int v, String name) {
    if (v < 0) {
      throw new IllegalArgumentException(
          "ImageDataGenerator: " + name + " must be >= 0. Received: " + name + "=" + v);
    }
    return v;
  }
}

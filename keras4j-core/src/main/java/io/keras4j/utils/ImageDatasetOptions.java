package io.keras4j.utils;

import java.util.List;

/**
 * The keyword arguments of Keras's {@code keras.utils.image_dataset_from_directory}, with its
 * defaults: labels inferred from the class folders, {@code labelMode} "int", {@code colorMode}
 * "rgb", {@code batchSize} 32, {@code imageSize} (256, 256), {@code shuffle} true, {@code
 * interpolation} "bilinear", no validation split, channels_last, a line saying what was found.
 */
public final class ImageDatasetOptions {
  private String labelMode = "int";
  private List<String> classNames;
  private String colorMode = "rgb";
  private int batchSize = 32;
  private int[] imageSize = {256, 256};
  private boolean shuffle = true;
  private Long seed;
  private double validationSplit;
  private String subset;
  private String interpolation = "bilinear";
  private boolean cropToAspectRatio;
  private String dataFormat = "channels_last";
  private boolean verbose = true;

  /**
   * "int" (int32 labels {@code (n,)}), "categorical" (float32 one-hot {@code (n, classes)}),
   * "binary" (float32 {@code (n, 1)}, exactly 2 classes) or null (no labels: the dataset holds the
   * images only).
   */
  public ImageDatasetOptions labelMode(String labelMode) {
    if (labelMode != null
        && !labelMode.equals("int")
        && !labelMode.equals("categorical")
        && !labelMode.equals("binary")) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: labelMode must be one of \"int\", \"categorical\","
              + " \"binary\", or null. Received: labelMode="
              + labelMode);
    }
    this.labelMode = labelMode;
    return this;
  }

  /** The class folders to read, in this order (their labels 0, 1, ...); default: all, sorted. */
  public ImageDatasetOptions classNames(List<String> classNames) {
    this.classNames = classNames == null ? null : List.copyOf(classNames);
    return this;
  }

  public ImageDatasetOptions classNames(String... classNames) {
    return classNames(List.of(classNames));
  }

  /** "rgb", "grayscale" or "rgba": 3, 1 or 4 channels. */
  public ImageDatasetOptions colorMode(String colorMode) {
    ImagePixels.channels(colorMode, "imageDatasetFromDirectory");
    this.colorMode = colorMode;
    return this;
  }

  public ImageDatasetOptions batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: batchSize must be positive. Received: batchSize="
              + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** The {@code (height, width)} every image is resized to. */
  public ImageDatasetOptions imageSize(int height, int width) {
    Images.checkSize(height, width, "imageDatasetFromDirectory", "imageSize");
    this.imageSize = new int[] {height, width};
    return this;
  }

  /** Shuffles the files (seeded as Keras, with numpy's generator); false sorts them. */
  public ImageDatasetOptions shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** The shuffle's seed, in [0, 2^32) (needed with a validation split and shuffling). */
  public ImageDatasetOptions seed(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: seed must be between 0 and 2**32 - 1. Received: seed="
              + seed);
    }
    this.seed = seed;
    return this;
  }

  /** The fraction of the files kept for validation (the last ones, after shuffling). */
  public ImageDatasetOptions validationSplit(double validationSplit) {
    if (!(validationSplit > 0 && validationSplit < 1)) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: validationSplit must be between 0 and 1. Received:"
              + " validationSplit="
              + validationSplit);
    }
    this.validationSplit = validationSplit;
    return this;
  }

  /** "training", "validation" or "both" (with a validation split). */
  public ImageDatasetOptions subset(String subset) {
    if (subset != null
        && !subset.equals("training")
        && !subset.equals("validation")
        && !subset.equals("both")) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: subset must be either \"training\", \"validation\" or"
              + " \"both\". Received: subset="
              + subset);
    }
    this.subset = subset;
    return this;
  }

  /** "bilinear" (default) or "nearest", as keras.ops.image.resize. */
  public ImageDatasetOptions interpolation(String interpolation) {
    Images.checkInterpolation(interpolation, "imageDatasetFromDirectory");
    this.interpolation = interpolation;
    return this;
  }

  /** Crops the largest centred window of the target aspect ratio before resizing. */
  public ImageDatasetOptions cropToAspectRatio(boolean crop) {
    this.cropToAspectRatio = crop;
    return this;
  }

  /** "channels_last" (default) or "channels_first". */
  public ImageDatasetOptions dataFormat(String dataFormat) {
    if (!"channels_last".equals(dataFormat) && !"channels_first".equals(dataFormat)) {
      throw new IllegalArgumentException(
          "imageDatasetFromDirectory: dataFormat must be \"channels_last\" or"
              + " \"channels_first\". Received: dataFormat="
              + dataFormat);
    }
    this.dataFormat = dataFormat;
    return this;
  }

  /** Whether to print the number of files and classes found (Keras's default: true). */
  public ImageDatasetOptions verbose(boolean verbose) {
    this.verbose = verbose;
    return this;
  }

  public String labelMode() {
    return labelMode;
  }

  public List<String> classNames() {
    return classNames;
  }

  public String colorMode() {
    return colorMode;
  }

  public int batchSize() {
    return batchSize;
  }

  public int[] imageSize() {
    return imageSize.clone();
  }

  public boolean shuffle() {
    return shuffle;
  }

  /** The seed, or null (then a random one, from {@code Keras.setRandomSeed}'s generator). */
  public Long seed() {
    return seed;
  }

  public double validationSplit() {
    return validationSplit;
  }

  public String subset() {
    return subset;
  }

  public String interpolation() {
    return interpolation;
  }

  public boolean cropToAspectRatio() {
    return cropToAspectRatio;
  }

  public String dataFormat() {
    return dataFormat;
  }

  public boolean verbose() {
    return verbose;
  }
}

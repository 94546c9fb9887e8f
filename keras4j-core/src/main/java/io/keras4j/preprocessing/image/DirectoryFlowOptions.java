package io.keras4j.preprocessing.image;

import java.util.List;
import java.util.Set;

/**
 * The options of {@link ImageDataGenerator#flowFromDirectory(java.nio.file.Path,
 * DirectoryFlowOptions)}, Keras's {@code flow_from_directory} arguments with their defaults: {@code
 * targetSize} 256 x 256, {@code colorMode} "rgb", {@code classes} the sub-folders sorted by name,
 * {@code classMode} "categorical", {@code batchSize} 32, {@code shuffle} true, {@code seed} drawn
 * from the global seed, {@code subset} none, {@code interpolation} "nearest"; and {@code verbose}
 * (true: Keras's "Found ..." line is printed).
 */
public final class DirectoryFlowOptions {
  private static final Set<String> CLASS_MODES = Set.of("categorical", "binary", "sparse", "input");
  private static final Set<String> COLOR_MODES = Set.of("rgb", "rgba", "grayscale");
  private static final Set<String> SUBSETS = Set.of("training", "validation");

  private int height = 256;
  private int width = 256;
  private String colorMode = "rgb";
  private List<String> classes;
  private String classMode = "categorical";
  private int batchSize = 32;
  private boolean shuffle = true;
  private Long seed;
  private String subset;
  private String interpolation = "nearest";
  private boolean verbose = true;

  public DirectoryFlowOptions targetSize(int height, int width) {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "flowFromDirectory: targetSize must be positive. Received: targetSize=("
              + height
              + ", "
              + width
              + ")");
    }
    this.height = height;
    this.width = width;
    return this;
  }

  public DirectoryFlowOptions colorMode(String colorMode) {
    if (!COLOR_MODES.contains(colorMode)) {
      throw new IllegalArgumentException(
          "flowFromDirectory: invalid colorMode, expected \"rgb\", \"rgba\" or \"grayscale\"."
              + " Received: colorMode="
              + colorMode);
    }
    this.colorMode = colorMode;
    return this;
  }

  /** The class folders to read, in the order of their indices (all sub-folders when not set). */
  public DirectoryFlowOptions classes(List<String> classes) {
    this.classes = classes == null ? null : List.copyOf(classes);
    return this;
  }

  /**
   * "categorical" (one-hot float32 labels), "binary" or "sparse" (the class index as float32),
   * "input" (the images are their own targets) or null (images only, for predict).
   */
  public DirectoryFlowOptions classMode(String classMode) {
    if (classMode != null && !CLASS_MODES.contains(classMode)) {
      throw new IllegalArgumentException(
          "flowFromDirectory: invalid classMode, expected one of [categorical, binary, sparse,"
              + " input, null]. Received: classMode="
              + classMode);
    }
    this.classMode = classMode;
    return this;
  }

  public DirectoryFlowOptions batchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "flowFromDirectory: batchSize must be positive. Received: batchSize=" + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  public DirectoryFlowOptions shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  public DirectoryFlowOptions seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** "training" or "validation": the part of every class the generator's validationSplit gives. */
  public DirectoryFlowOptions subset(String subset) {
    if (subset != null && !SUBSETS.contains(subset)) {
      throw new IllegalArgumentException(
          "flowFromDirectory: invalid subset, expected \"training\" or \"validation\". Received:"
              + " subset="
              + subset);
    }
    this.subset = subset;
    return this;
  }

  /** How an image of another size is resized: "nearest" (Keras's default) or "bilinear". */
  public DirectoryFlowOptions interpolation(String interpolation) {
    if (!"nearest".equals(interpolation) && !"bilinear".equals(interpolation)) {
      throw new IllegalArgumentException(
          "flowFromDirectory: interpolation must be \"nearest\" or \"bilinear\" (Keras's"
              + " \"bicubic\", \"lanczos\", ... are not implemented). Received: interpolation="
              + interpolation);
    }
    this.interpolation = interpolation;
    return this;
  }

  /** Whether to print Keras's "Found n images belonging to k classes." line (default true). */
  public DirectoryFlowOptions verbose(boolean verbose) {
    this.verbose = verbose;
    return this;
  }

  public boolean verbose() {
    return verbose;
  }

  public int[] targetSize() {
    return new int[] {height, width};
  }

  public String colorMode() {
    return colorMode;
  }

  public List<String> classes() {
    return classes;
  }

  public String classMode() {
    return classMode;
  }

  public int batchSize() {
    return batchSize;
  }

  public boolean shuffle() {
    return shuffle;
  }

  public Long seed() {
    return seed;
  }

  public String subset() {
    return subset;
  }

  public String interpolation() {
    return interpolation;
  }
}

package io.keras4j.preprocessing.image;

import io.keras4j.Tensor;
import io.keras4j.internal.ImageFileWalk;
import io.keras4j.models.StepData;
import io.keras4j.ops.Ops;
import io.keras4j.utils.ImageDatasetOptions;
import io.keras4j.utils.Images;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The batches of {@link ImageDataGenerator#flowFromDirectory}, as Keras's {@code
 * DirectoryIterator}: one class per sub-folder of the directory (sorted by name unless {@code
 * classes} are given), the image files of each walked in {@code os.walk} order (.png, .jpg, .jpeg,
 * .bmp, .ppm, .tif, .tiff, as Keras lists them; the JDK decodes all but .ppm); with the generator's
 * {@code validationSplit}, the first {@code int(split * n)} files of every class are the
 * "validation" subset and the rest "training". Each batch reads its files when it is produced (on
 * the sequence's background thread during {@code fit}), resizes them to {@code targetSize}, then
 * transforms them at random and standardizes them as {@link ImageDataGenerator#flow} does. A file
 * that cannot be decoded fails its batch with an error naming it, as in Keras.
 */
public final class DirectoryIterator extends ShuffledBatches {
  static final List<String> FORMATS =
      List.of(".png", ".jpg", ".jpeg", ".bmp", ".ppm", ".tif", ".tiff");
  private static final String WHO = "flowFromDirectory";

  private final ImageDataGenerator generator;
  private final DirectoryFlowOptions options;
  private final ImageDatasetOptions read;
  private final List<Path> filepaths;
  private final int[] classes;
  private final Map<String, Integer> classIndices;

  private DirectoryIterator(
      ImageDataGenerator generator,
      DirectoryFlowOptions o,
      List<Path> filepaths,
      int[] classes,
      Map<String, Integer> classIndices,
      long seed) {
    super(filepaths.size(), o.batchSize(), o.shuffle(), seed, "ImageDataGenerator." + WHO);
    this.generator = generator;
    this.options = o;
    this.filepaths = List.copyOf(filepaths);
    this.classes = classes;
    this.classIndices = Collections.unmodifiableMap(classIndices);
    int[] size = o.targetSize();
    this.read =
        new ImageDatasetOptions()
            .imageSize(size[0], size[1])
            .colorMode(o.colorMode())
            .interpolation(o.interpolation())
            .dataFormat(generator.dataFormat());
  }

  /** Lists the directory as Keras does and prints its "Found ..." line. */
  static DirectoryIterator of(
      ImageDataGenerator generator, Path directory, DirectoryFlowOptions o, long seed) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(
          WHO
              + ": the directory does not exist or is not a directory. Received: directory="
              + directory);
    }
    List<String> names = o.classes();
    if (names == null || names.isEmpty()) {
      names = new ArrayList<>();
      for (Path p : ImageFileWalk.list(directory, WHO)) {
        if (Files.isDirectory(p)) {
          names.add(p.getFileName().toString());
        }
      }
      Collections.sort(names);
    }
    double split = generator.validationSplit();
    if (o.subset() != null && split == 0) {
      throw new IllegalArgumentException(
          WHO
              + ": subset \""
              + o.subset()
              + "\" needs the generator's validationSplit. Received: validationSplit=0");
    }
    Map<String, Integer> indices = new LinkedHashMap<>();
    List<Path> paths = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String name : names) {
      Path dir = directory.resolve(name);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(
            WHO + ": the class folder " + dir + " does not exist. Received: classes=" + names);
      }
      int c = indices.size();
      indices.put(name, c);
      List<Path> files = ImageFileWalk.walk(dir, FORMATS, WHO);
      int from = 0;
      int to = files.size();
      if ("validation".equals(o.subset())) {
        to = (int) (split * files.size());
      } else if ("training".equals(o.subset())) {
        from = (int) (split * files.size());
      }
      for (Path f : files.subList(from, to)) {
        paths.add(f);
        labels.add(c);
      }
    }
    int[] classes = labels.stream().mapToInt(Integer::intValue).toArray();
    if (o.verbose()) {
      System.out.println(
          "Found " + paths.size() + " images belonging to " + indices.size() + " classes.");
    }
    return new DirectoryIterator(generator, o, paths, classes, indices, seed);
  }

  /** The batch {@code index}: its files read, transformed and standardized, with their labels. */
  @Override
  public StepData get(int index) {
    int[] rows = samplesOf(index);
    SplittableRandom rng = randomOf(index);
    List<Tensor> images = new ArrayList<>(rows.length);
    for (int r : rows) {
      images.add(Images.readImage(filepaths.get(r), read));
    }
    Tensor batch = Ops.stack(images, 0);
    int[] one = images.get(0).shape();
    TransformParameters[] params = new TransformParameters[rows.length];
    for (int i = 0; i < params.length; i++) {
      params[i] = generator.randomTransform(one, rng);
    }
    Tensor x = generator.standardize(generator.applyTransforms(batch, params));
    String mode = options.classMode();
    if (mode == null) {
      return StepData.of(x);
    }
    return StepData.of(x, labels(mode, rows, x));
  }

  private Tensor labels(String mode, int[] rows, Tensor x) {
    if (mode.equals("input")) {
      return x.copy();
    }
    int[] cls = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      cls[i] = classes[rows[i]];
    }
    Tensor index = Tensor.ofInts(cls, cls.length);
    // binary and sparse: the class index as float32, as Keras gives them
    return mode.equals("categorical") ? Ops.oneHot(index, classIndices.size()) : index.asFloat();
  }

  /** The files, in the order of the sample indices. */
  public List<Path> filepaths() {
    return filepaths;
  }

  /** The class index of every sample ({@code labels} in Keras). */
  public int[] classes() {
    return classes.clone();
  }

  /** Class folder name to class index, in index order. */
  public Map<String, Integer> classIndices() {
    return classIndices;
  }
}

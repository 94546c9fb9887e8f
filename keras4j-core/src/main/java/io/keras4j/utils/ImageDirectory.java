package io.keras4j.utils;

import io.keras4j.internal.ImageFileWalk;
import io.keras4j.internal.NumpyShuffle;
import io.keras4j.random.SeedGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keras's {@code dataset_utils.index_directory} and {@code get_training_or_validation_split} for
 * image files: class folders sorted by name (hidden ones skipped), each walked recursively with the
 * folders in path order and the files sorted by name within a folder, kept when their name ends
 * (case-insensitively) in .bmp, .gif, .jpeg, .jpg or .png; then shuffled with numpy's {@code
 * RandomState(seed)} as Keras does, and split: the last {@code int(split * n)} files validate.
 */
final class ImageDirectory {
  static final List<String> FORMATS = List.of(".bmp", ".gif", ".jpeg", ".jpg", ".png");
  private static final String WHO = "imageDatasetFromDirectory";

  private ImageDirectory() {}

  /**
   * The files of {@code dir}, in order, with their labels; split per {@code subset}.
   *
   * @param printFound whether to print Keras's "Found ... files" line (when verbose)
   */
  static ImageFiles index(Path dir, ImageDatasetOptions o, String subset, boolean printFound) {
    checkSplit(o);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          WHO + ": the directory does not exist or is not a directory. Received: directory=" + dir);
    }
    boolean labelled = o.labelMode() != null;
    List<String> subdirs = new ArrayList<>();
    if (labelled) {
      for (Path p : ImageFileWalk.list(dir, WHO)) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && !name.startsWith(".")) {
          subdirs.add(name);
        }
      }
      subdirs.sort(Comparator.naturalOrder());
      if (o.classNames() != null) {
        if (!subdirs.containsAll(o.classNames())) {
          throw new IllegalArgumentException(
              WHO
                  + ": the classNames passed did not match the names of the subdirectories of the"
                  + " target directory. Expected: "
                  + subdirs
                  + " (or a subset of it), but received: classNames="
                  + o.classNames());
        }
        subdirs = new ArrayList<>(o.classNames());
      }
    } else {
      if (o.classNames() != null) {
        throw new IllegalArgumentException(
            WHO + ": when labelMode is null (no labels), classNames cannot be specified.");
      }
      subdirs.add("");
    }
    List<Path> paths = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < subdirs.size(); c++) {
      Path classDir = subdirs.get(c).isEmpty() ? dir : dir.resolve(subdirs.get(c));
      for (Path f : ImageFileWalk.walk(classDir, FORMATS, WHO)) {
        paths.add(f);
        labels.add(c);
      }
    }
    List<String> classNames = labelled ? subdirs : List.of();
    if (labelled && "binary".equals(o.labelMode()) && classNames.size() != 2) {
      throw new IllegalArgumentException(
          WHO
              + ": when passing labelMode=\"binary\", there must be exactly 2 classNames. Received:"
              + " classNames="
              + classNames);
    }
    if (o.verbose() && printFound) {
      System.out.println(
          labelled
              ? "Found " + paths.size() + " files belonging to " + classNames.size() + " classes."
              : "Found " + paths.size() + " files.");
    }
    int n = paths.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (o.shuffle()) {
      long seed =
          o.seed() != null ? o.seed() : Math.floorMod(SeedGenerator.nextGlobal(), 1_000_000);
      order = new NumpyShuffle(seed).permutation(n);
    }
    int from = 0;
    int to = n;
    if (o.validationSplit() > 0) {
      int numVal = (int) (o.validationSplit() * n);
      if ("training".equals(subset)) {
        to = n - numVal;
        if (o.verbose()) {
          System.out.println("Using " + (n - numVal) + " files for training.");
        }
      } else {
        from = n - numVal;
        if (o.verbose()) {
          System.out.println("Using " + numVal + " files for validation.");
        }
      }
    }
    List<Path> outPaths = new ArrayList<>(to - from);
    int[] outLabels = new int[labelled ? to - from : 0];
    for (int i = from; i < to; i++) {
      outPaths.add(paths.get(order[i]));
      if (labelled) {
        outLabels[i - from] = labels.get(order[i]);
      }
    }
    return new ImageFiles(outPaths, outLabels, classNames);
  }

  /** Keras's {@code check_validation_split_arg}. */
  private static void checkSplit(ImageDatasetOptions o) {
    boolean split = o.validationSplit() > 0;
    if (split != (o.subset() != null)) {
      throw new IllegalArgumentException(
          WHO
              + ": if subset is set, validationSplit must be set, and inversely. Received:"
              + " validationSplit="
              + o.validationSplit()
              + ", subset="
              + o.subset());
    }
    if (split && o.shuffle() && o.seed() == null) {
      throw new IllegalArgumentException(
          WHO
              + ": if using validationSplit and shuffling the data, you must provide a seed, to"
              + " make sure that there is no overlap between the training and validation subset.");
    }
  }
}

package io.keras4j.datasets;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIFAR-100: 60,000 colour images of 32 x 32 pixels in 100 fine classes grouped into 20 coarse
 * ones, as {@code keras.datasets.cifar100.load_data(label_mode)}: images float32 {@code (n, 32, 32,
 * 3)} (channels last) holding the raw values 0..255 (Keras gives uint8), labels int32 {@code (n,
 * 1)} as Keras shapes them, the fine label 0..99 ({@code "fine"}, the default) or the coarse one
 * 0..19 ({@code "coarse"}); 50,000 for training, 10,000 for testing.
 *
 * <p>{@link #loadData(String)} downloads {@code cifar-100-python.tar.gz} once from the CIFAR page
 * (Keras's URL) into the {@link DatasetCache}, checks it against the SHA-256 Keras publishes and
 * unpacks {@code train}, {@code test} and {@code meta} into {@code cifar-100-python/} there. {@link
 * #load(Path, String)} reads such a directory: the files are Python pickles of a dict with {@code
 * data} (a uint8 numpy array of {@code (n, 3072)}: the red, green and blue planes of 32 x 32) and
 * {@code fine_labels}/{@code coarse_labels}; they are read without running anything (see {@link
 * Unpickler}).
 */
public final class Cifar100 {
  private static final String WHO = "Cifar100";
  static final String DIR = "cifar-100-python";

  static final DatasetCache.Remote ARCHIVE =
      new DatasetCache.Remote(
          "cifar-100-python.tar.gz",
          "",
          "https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz",
          "85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7");

  private Cifar100() {}

  /** {@code load_data()}: the fine labels. */
  public static TrainTestData loadData() {
    return loadData("fine");
  }

  /** {@code load_data(label_mode)}: "fine" or "coarse"; downloads the archive the first time. */
  public static TrainTestData loadData(String labelMode) {
    checkMode(labelMode);
    return loadData(DatasetCache.standard(), labelMode);
  }

  static TrainTestData loadData(DatasetCache cache, String labelMode) {
    checkMode(labelMode);
    return load(directory(cache), labelMode);
  }

  /** The unpacked directory in {@code cache}, fetching and unpacking the archive when needed. */
  static Path directory(DatasetCache cache) {
    Path dir = cache.root().resolve(DIR);
    if (Files.isRegularFile(dir.resolve("test")) && Files.isRegularFile(dir.resolve("train"))) {
      return dir;
    }
    Path archive =
        cache.file(
            WHO,
            ARCHIVE,
            "its unpacked files train and test in "
                + dir
                + ", or call Cifar100.load(Path, labelMode) on a directory of them");
    try {
      Tar.extract(archive, dir, Set.of("train", "test", "meta"), Set.of("train", "test"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          WHO + ": cannot unpack " + archive + " into " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }

  /**
   * The pickled {@code train} and {@code test} files in {@code dir} (or in its sub-directory {@code
   * cifar-100-python}), with the {@code labelMode} labels.
   */
  public static TrainTestData load(Path dir, String labelMode) {
    checkMode(labelMode);
    if (!Files.isRegularFile(dir.resolve("test")) && Files.isDirectory(dir.resolve(DIR))) {
      dir = dir.resolve(DIR);
    }
    for (String f : List.of("train", "test")) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new IllegalArgumentException(
            WHO
                + ": cannot find the pickled batch '"
                + f
                + "' in "
                + dir
                + " (the files of cifar-100-python.tar.gz)");
      }
    }
    return new TrainTestData(
        readBatch(dir.resolve("train"), labelMode), readBatch(dir.resolve("test"), labelMode));
  }

  /** One pickled batch file: images {@code (n, 32, 32, 3)} and labels {@code (n, 1)}. */
  static Dataset readBatch(Path file, String labelMode) {
    Object top;
    try {
      top = new Unpickler(Files.readAllBytes(file), 0).load();
    } catch (IOException e) {
      throw new UncheckedIOException(WHO + ": cannot read " + file + ": " + e, e);
    } catch (BufferUnderflowException e) {
      throw bad(file, "a whole pickle", "a truncated file");
    }
    if (!(top instanceof Map<?, ?> dict)) {
      throw bad(file, "a pickled dict", String.valueOf(top));
    }
    Object data = entry(dict, "data", file);
    Object labels = entry(dict, labelMode + "_labels", file);
    if (!(labels instanceof List<?> ys)) {
      throw bad(file, labelMode + "_labels as a list", String.valueOf(labels));
    }
    byte[] pixels = null;
    if (data instanceof Unpickler.Call c
        && c.state instanceof List<?> st
        && st.size() == 5
        && st.get(1) instanceof List<?> shape
        && shape.size() == 2) {
      pixels = Unpickler.asBytes(st.get(4));
    }
    int n = ys.size();
    if (pixels == null || pixels.length != n * Cifar10.PIXELS) {
      throw bad(
          file,
          "data as a uint8 numpy array of (" + n + ", 3072) for " + n + " labels",
          pixels == null ? String.valueOf(data) : pixels.length + " bytes");
    }
    int[] y = new int[n];
    int max = labelMode.equals("fine") ? 99 : 19;
    for (int i = 0; i < n; i++) {
      if (!(ys.get(i) instanceof Long v) || v < 0 || v > max) {
        throw bad(file, labelMode + " labels in 0.." + max, "label " + ys.get(i) + " at " + i);
      }
      y[i] = v.intValue();
    }
    float[] x = new float[n * Cifar10.PIXELS];
    for (int r = 0; r < n; r++) {
      Cifar10.planesToChannelsLast(pixels, r * Cifar10.PIXELS, x, r * Cifar10.PIXELS);
    }
    return Dataset.of(Tensor.of(x, n, Cifar10.SIDE, Cifar10.SIDE, 3), Tensor.ofInts(y, n, 1));
  }

  private static Object entry(Map<?, ?> dict, String key, Path file) {
    for (var e : dict.entrySet()) {
      if (key.equals(Unpickler.asText(e.getKey()))) {
        return e.getValue();
      }
    }
    throw bad(
        file,
        "a dict with the key '" + key + "'",
        "keys " + dict.keySet().stream().map(Unpickler::asText).toList());
  }

  private static void checkMode(String labelMode) {
    if (!"fine".equals(labelMode) && !"coarse".equals(labelMode)) {
      throw new IllegalArgumentException(
          WHO
              + ": labelMode must be one of \"fine\", \"coarse\". Received: labelMode="
              + labelMode);
    }
  }

  private static IllegalArgumentException bad(Path file, String expected, String received) {
    return new IllegalArgumentException(
        WHO
            + ": "
            + file
            + " is not a CIFAR-100 python batch: expected "
            + expected
            + ". Received: "
            + received);
  }
}

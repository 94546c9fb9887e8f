package io.keras4j.datasets;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MNIST hand-written digits, read from the IDX files in a directory, as {@code
 * keras.datasets.mnist.load_data()} returns them: images as float32 {@code (n, 28, 28)} holding the
 * raw pixel values 0..255 (Keras gives uint8 and leaves scaling to the user: divide by 255 for [0,
 * 1]), labels as int32 {@code (n,)}. The same reader serves Fashion-MNIST, whose files have the
 * same names.
 *
 * <p>The directory holds {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code
 * t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each gzip-compressed ({@code .gz}) or
 * not. A copy of only the first N images may be named {@code train-images-first<N>-idx3-ubyte.gz};
 * its labels are then {@code train-labels-first<N>-...} when present, else the first N of the full
 * labels file.
 *
 * <p>{@link #loadData()} is {@code keras.datasets.mnist.load_data()}: it downloads Keras's {@code
 * mnist.npz} once into the {@link DatasetCache}, checked against the SHA-256 Keras publishes, and
 * returns the same tensors from it (60,000 and 10,000 images).
 */
public final class Mnist {
  private static final String WHO = "Mnist";

  static final DatasetCache.Remote NPZ =
      new DatasetCache.Remote(
          "mnist.npz",
          "",
          ImdbDownload.ORIGIN + "mnist.npz",
          "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1");

  private Mnist() {}

  /** {@code load_data()}: fetches {@code mnist.npz} the first time (see the class comment). */
  public static TrainTestData loadData() {
    return loadData(DatasetCache.standard());
  }

  static TrainTestData loadData(DatasetCache cache) {
    return loadData(cache.file(WHO, NPZ, "call Mnist.loadData(Path) on it"));
  }

  /**
   * {@code load_data(path=npz)} on an {@code mnist.npz} already here: arrays {@code x_train},
   * {@code y_train}, {@code x_test}, {@code y_test}.
   */
  public static TrainTestData loadData(Path npz) {
    Npz a = Npz.read(npz);
    return new TrainTestData(npzPart(a, npz, "train"), npzPart(a, npz, "test"));
  }

  private static Dataset npzPart(Npz a, Path npz, String part) {
    int[] shape = a.shape("x_" + part);
    int[] y = a.ints("y_" + part);
    if (shape.length != 3 || shape[0] != y.length) {
      throw new IllegalArgumentException(
          "Mnist: "
              + npz
              + " is not Keras's mnist.npz: expected x_"
              + part
              + " of shape (n, 28, 28) and y_"
              + part
              + " of (n,). Received: x_"
              + part
              + " shape "
              + java.util.Arrays.toString(shape)
              + ", y_"
              + part
              + " of "
              + y.length);
    }
    return Dataset.of(Tensor.of(a.floats("x_" + part), shape), Tensor.ofInts(y, y.length));
  }

  /** The training and test sets (60,000 and 10,000 rows for the complete files). */
  public static TrainTestData load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "Mnist: the directory " + dir + " does not exist (or is not a directory)");
    }
    return new TrainTestData(part(dir, "train", "training"), part(dir, "t10k", "test"));
  }

  /** One IDX image file as float32 {@code (n, rows, cols)} with values 0..255. */
  public static Tensor readImages(Path file) {
    return Idx.images(file, WHO);
  }

  /** One IDX label file as int32 {@code (n,)}. */
  public static Tensor readLabels(Path file) {
    return Idx.labels(file, -1, WHO);
  }

  private static Dataset part(Path dir, String prefix, String what) {
    Path images = full(dir, prefix + "-images", "idx3");
    int firstN = -1;
    if (images == null) {
      Matcher m = firstMatch(dir, prefix + "-images", "idx3");
      if (m == null) {
        throw missing(dir, what + " images", prefix + "-images", "idx3");
      }
      images = dir.resolve(m.group());
      firstN = Integer.parseInt(m.group(1));
    }
    Tensor x = Idx.images(images, WHO);
    Tensor y;
    Path labels = null;
    if (firstN >= 0) {
      Matcher m = firstMatch(dir, prefix + "-labels", "idx1", firstN);
      labels = m == null ? null : dir.resolve(m.group());
    }
    if (labels != null) {
      y = Idx.labels(labels, -1, WHO);
    } else {
      labels = full(dir, prefix + "-labels", "idx1");
      if (labels == null) {
        throw missing(dir, what + " labels", prefix + "-labels", "idx1");
      }
      y = Idx.labels(labels, firstN >= 0 ? x.dim(0) : -1, WHO);
    }
    if (y.dim(0) != x.dim(0)) {
      throw new IllegalArgumentException(
          "Mnist: "
              + images
              + " holds "
              + x.dim(0)
              + " images but "
              + labels
              + " holds "
              + y.dim(0)
              + " labels");
    }
    return Dataset.of(x, y);
  }

  /** {@code <stem>-<idx>-ubyte.gz}, {@code <stem>-<idx>-ubyte} or {@code <stem>.<idx>-ubyte}. */
  private static Path full(Path dir, String stem, String idx) {
    for (String name :
        List.of(
            stem + "-" + idx + "-ubyte.gz",
            stem + "-" + idx + "-ubyte",
            stem + "." + idx + "-ubyte.gz",
            stem + "." + idx + "-ubyte")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** The prefix copy {@code <stem>-first<N>-<idx>-ubyte(.gz)} with the largest N, or null. */
  private static Matcher firstMatch(Path dir, String stem, String idx) {
    return firstMatch(dir, stem, idx, -1);
  }

  private static Matcher firstMatch(Path dir, String stem, String idx, int wantedN) {
    Pattern p = Pattern.compile(Pattern.quote(stem) + "-first(\\d+)-" + idx + "-ubyte(\\.gz)?");
    Matcher best = null;
    for (String name : list(dir)) {
      Matcher m = p.matcher(name);
      if (m.matches() && Files.isRegularFile(dir.resolve(name))) {
        long n = Long.parseLong(m.group(1));
        if (wantedN >= 0 ? n == wantedN : best == null || n > Long.parseLong(best.group(1))) {
          best = m;
        }
      }
    }
    return best;
  }

  private static List<String> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Mnist: cannot list " + dir + ": " + e, e);
    }
  }

  private static IllegalArgumentException missing(Path dir, String what, String stem, String idx) {
    return new IllegalArgumentException(
        "Mnist: cannot find the "
            + what
            + " in "
            + dir
            + ": expected "
            + stem
            + "-"
            + idx
            + "-ubyte.gz, "
            + stem
            + "-"
            + idx
            + "-ubyte or "
            + stem
            + "-first<N>-"
            + idx
            + "-ubyte.gz. Received: files "
            + list(dir));
  }
}

package io.keras4j.datasets;

import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CIFAR-10: 60,000 colour images of 32 x 32 pixels in 10 classes, as {@code
 * keras.datasets.cifar10.load_data()} returns them: images as float32 {@code (n, 32, 32, 3)}
 * (channels last) holding the raw pixel values 0..255 (Keras gives uint8; divide by 255 for [0,
 * 1]), labels as int32 {@code (n,)} with the class index 0..9 ({@link #CLASS_NAMES}).
 *
 * <p>{@link #load(Path)} reads the binary version's batch files from a directory: {@code
 * data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin}, each gzip-compressed
 * ({@code .gz}) or not; a subset's {@code data_batch_N_subset.bin.gz} and {@code
 * test_subset.bin.gz} serve as well. A record is one label byte and 3,072 pixel bytes (the red,
 * green and blue planes of 32 x 32, row-major). {@link #load()} downloads the archive once into a
 * cache directory (see {@link Cifar10Download}).
 */
public final class Cifar10 {
  /** The class names, by label. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  static final int SIDE = 32;
  static final int PIXELS = SIDE * SIDE * 3;
  static final int RECORD = 1 + PIXELS;

  private Cifar10() {}

  /**
   * The training and test sets from the cache directory ({@code ~/.keras4j/datasets}, or the system
   * property {@code keras4j.datasets}), downloading and checking the archive the first time.
   *
   * @throws UncheckedIOException when the archive cannot be fetched (offline), naming the file to
   *     place by hand and where
   */
  public static TrainTestData load() {
    return load(Cifar10Download.batchesDirectory());
  }

  /** The training and test sets from a directory of batch files (see the class comment). */
  public static TrainTestData load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "Cifar10: the directory " + dir + " does not exist (or is not a directory)");
    }
    List<Path> train = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Path p = find(dir, "data_batch_" + i);
      if (p == null) {
        throw missing(dir, "data_batch_" + i);
      }
      train.add(p);
    }
    Path test = find(dir, "test_batch");
    if (test == null) {
      test = find(dir, "test");
    }
    if (test == null) {
      throw missing(dir, "test_batch");
    }
    return new TrainTestData(read(train), read(List.of(test)));
  }

  /** One or more batch files, concatenated in order, as a dataset of images and labels. */
  public static Dataset read(List<Path> files) {
    List<byte[]> parts = new ArrayList<>();
    int n = 0;
    for (Path f : files) {
      byte[] b = bytes(f);
      if (b.length == 0 || b.length % RECORD != 0) {
        throw new IllegalArgumentException(
            "Cifar10: "
                + f
                + " is not a CIFAR-10 binary batch: its size must be a multiple of "
                + RECORD
                + " bytes (1 label + 3,072 pixels). Received: "
                + b.length
                + " bytes");
      }
      parts.add(b);
      n += b.length / RECORD;
    }
    float[] x = new float[n * PIXELS];
    int[] y = new int[n];
    int row = 0;
    for (int p = 0; p < parts.size(); p++) {
      byte[] b = parts.get(p);
      for (int r = 0; r < b.length / RECORD; r++, row++) {
        int at = r * RECORD;
        int label = b[at] & 0xff;
        if (label > 9) {
          throw new IllegalArgumentException(
              "Cifar10: record "
                  + r
                  + " of "
                  + files.get(p)
                  + " has label "
                  + label
                  + "; expected 0..9");
        }
        y[row] = label;
        planesToChannelsLast(b, at + 1, x, row * PIXELS);
      }
    }
    return Dataset.of(Tensor.of(x, n, SIDE, SIDE, 3), Tensor.ofInts(y, n));
  }

  /** {@code stem.bin}, {@code stem.bin.gz}, {@code stem_subset.bin(.gz)}, or null. */
  private static Path find(Path dir, String stem) {
    for (String name :
        List.of(stem + ".bin", stem + ".bin.gz", stem + "_subset.bin", stem + "_subset.bin.gz")) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static byte[] bytes(Path f) {
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cifar10: cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException missing(Path dir, String stem) {
    return new IllegalArgumentException(
        "Cifar10: cannot find "
            + stem
            + " in "
            + dir
            + ": expected "
            + stem
            + ".bin, "
            + stem
            + ".bin.gz or "
            + stem
            + "_subset.bin.gz (the binary version of CIFAR-10, cifar-10-binary.tar.gz)");
  }

  /**
   * One image stored as CIFAR stores it (planes R, G, B of 32 x 32 bytes from {@code from}) into
   * {@code x} channels last from {@code to}, values 0..255.
   */
  static void planesToChannelsLast(byte[] src, int from, float[] x, int to) {
    int plane = SIDE * SIDE;
    for (int px = 0; px < plane; px++) {
      for (int c = 0; c < 3; c++) {
        x[to + px * 3 + c] = src[from + c * plane + px] & 0xff;
      }
    }
  }
}

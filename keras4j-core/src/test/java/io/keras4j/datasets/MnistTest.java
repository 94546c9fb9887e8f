package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GoldenData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNIST from IDX files: small files written here for the format and the errors, and the shared copy
 * (property {@code keras4j.data.dir}, skipped when absent) for the real counts. Expected values of
 * the real files were computed with numpy on the same files (label histograms, first labels, pixel
 * sums).
 */
class MnistTest {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  private static Path mnistDir() {
    Path dir = DATA.resolve("datasets/mnist");
    assumeTrue(
        Files.isDirectory(dir), "MNIST files not found at " + dir + " (set -Dkeras4j.data.dir)");
    return dir;
  }

  @Test
  void readsTheSharedCopy() {
    TrainTestData m = Mnist.load(mnistDir());
    // Only the first 14,262 training images exist here, with their own labels file.
    assertEquals(14262, m.train().size());
    assertEquals(10000, m.test().size());
    assertArrayEquals(new int[] {14262, 28, 28}, m.train().x().shape());
    assertEquals(DType.FLOAT32, m.train().x().dtype());
    assertEquals(DType.INT32, m.train().y().dtype());
    assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, first10(m.train().y()));
    assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, first10(m.test().y()));
    int[] counts = new int[10];
    for (int label : m.test().y().toIntArray()) {
      counts[label]++;
    }
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, counts);
    // Raw pixel values, not scaled: numpy a[:784].sum() of the first test image is 18454.
    float[] x = m.test().x().toFloatArray();
    double firstImage = 0;
    for (int i = 0; i < 784; i++) {
      firstImage += x[i];
    }
    assertEquals(18454.0, firstImage);
    float[] row7 = new float[6];
    System.arraycopy(x, 7 * 28 + 6, row7, 0, 6);
    assertArrayEquals(new float[] {84, 185, 159, 151, 60, 36}, row7);
  }

  @Test
  void aPrefixCopyTakesTheFirstLabelsOfTheFullFile(@TempDir Path tmp) throws IOException {
    Path dir = mnistDir();
    String[] names = {
      "train-images-first14262-idx3-ubyte.gz",
      "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz",
      "t10k-labels-idx1-ubyte.gz"
    };
    for (String name : names) {
      Files.createSymbolicLink(tmp.resolve(name), dir.resolve(name).toAbsolutePath());
    }
    TrainTestData m;
    try {
      m = Mnist.load(tmp);
    } finally {
      // The links go before JUnit cleans the directory (it warns about links leading outside).
      for (String name : names) {
        Files.delete(tmp.resolve(name));
      }
    }
    assertEquals(14262, m.train().size());
    int[] counts = new int[10];
    for (int label : m.train().y().toIntArray()) {
      counts[label]++;
    }
    // numpy: np.bincount(labels[:14262]) of the 60,000 labels
    assertArrayEquals(
        new int[] {1429, 1601, 1393, 1477, 1396, 1256, 1415, 1511, 1360, 1424}, counts);
  }

  @Test
  void readsPlainAndGzipFiles(@TempDir Path tmp) throws IOException {
    // Two 2x3 images with pixels 0..11, and labels 3 and 255 (unsigned bytes).
    writeImages(tmp.resolve("train-images-idx3-ubyte"), 2, 2, 3, false);
    writeLabels(tmp.resolve("train-labels-idx1-ubyte.gz"), new int[] {3, 255}, true);
    writeImages(tmp.resolve("t10k-images-idx3-ubyte.gz"), 1, 2, 3, true);
    writeLabels(tmp.resolve("t10k-labels-idx1-ubyte"), new int[] {9}, false);
    TrainTestData m = Mnist.load(tmp);
    assertArrayEquals(new int[] {2, 2, 3}, m.train().x().shape());
    assertArrayEquals(
        new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, m.train().x().toFloatArray());
    assertArrayEquals(new int[] {3, 255}, m.train().y().toIntArray());
    assertArrayEquals(new int[] {9}, m.test().y().toIntArray());
    Tensor images = Mnist.readImages(tmp.resolve("t10k-images-idx3-ubyte.gz"));
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, images.toFloatArray());
  }

  @Test
  void errorsNameTheDirectoryAndTheFile(@TempDir Path tmp) throws IOException {
    var noDir = assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp.resolve("nope")));
    assertEquals(
        "Mnist: the directory " + tmp.resolve("nope") + " does not exist (or is not a directory)",
        noDir.getMessage());

    writeImages(tmp.resolve("train-images-idx3-ubyte"), 2, 2, 3, false);
    var noLabels = assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp));
    assertEquals(
        "Mnist: cannot find the training labels in "
            + tmp
            + ": expected train-labels-idx1-ubyte.gz, train-labels-idx1-ubyte or"
            + " train-labels-first<N>-idx1-ubyte.gz. Received: files [train-images-idx3-ubyte]",
        noLabels.getMessage());

    writeLabels(tmp.resolve("train-labels-idx1-ubyte"), new int[] {1, 2, 3}, false);
    var count = assertThrows(IllegalArgumentException.class, () -> Mnist.load(tmp));
    assertTrue(count.getMessage().contains("holds 2 images but"), count.getMessage());

    Path wrong = tmp.resolve("labels-as-images");
    writeLabels(wrong, new int[] {1}, false);
    var magic = assertThrows(IllegalArgumentException.class, () -> Mnist.readImages(wrong));
    assertEquals(
        "Mnist: "
            + wrong
            + " is not an IDX image file: expected the magic number 2051. Received: 2049",
        magic.getMessage());

    Path truncated = tmp.resolve("truncated");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeInt(2051);
    out.writeInt(5);
    out.writeInt(2);
    out.writeInt(2);
    out.write(new byte[7]);
    Files.write(truncated, b.toByteArray());
    var cut = assertThrows(IllegalArgumentException.class, () -> Mnist.readImages(truncated));
    assertEquals(
        "Mnist: "
            + truncated
            + " is truncated: its header announces 5 images of 2x2 (20 bytes) but only 7 bytes"
            + " follow",
        cut.getMessage());
  }

  private static int[] first10(Tensor y) {
    int[] out = new int[10];
    System.arraycopy(y.toIntArray(), 0, out, 0, 10);
    return out;
  }

  private static void writeImages(Path file, int n, int rows, int cols, boolean gzip)
      throws IOException {
    try (DataOutputStream out = new DataOutputStream(stream(file, gzip))) {
      out.writeInt(2051);
      out.writeInt(n);
      out.writeInt(rows);
      out.writeInt(cols);
      for (int i = 0; i < n * rows * cols; i++) {
        out.writeByte(i);
      }
    }
  }

  private static void writeLabels(Path file, int[] labels, boolean gzip) throws IOException {
    try (DataOutputStream out = new DataOutputStream(stream(file, gzip))) {
      out.writeInt(2049);
      out.writeInt(labels.length);
      for (int v : labels) {
        out.writeByte(v);
      }
    }
  }

  private static OutputStream stream(Path file, boolean gzip) throws IOException {
    OutputStream out = Files.newOutputStream(file);
    return gzip ? new GZIPOutputStream(out) : out;
  }
}

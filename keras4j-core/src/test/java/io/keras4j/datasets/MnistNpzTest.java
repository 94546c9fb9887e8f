package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GoldenData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras's MNIST and Fashion-MNIST loaders: {@code mnist.npz} (a numpy-written fixture, and one
 * written here from the real shared MNIST files, property {@code keras4j.data.dir}, skipped when
 * absent) and the four gzip IDX files of Fashion-MNIST through the cache.
 */
class MnistNpzTest {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  @TempDir Path tmp;

  @Test
  void mnistNpzAsKeras() {
    Path npz = Fixtures.copy("mnist.npz", tmp.resolve("src"));
    TrainTestData d = Mnist.loadData(npz);
    Map<String, Object> want = Fixtures.expected("mnist", tmp);
    assertArrayEquals(new int[] {7, 28, 28}, d.train().x().shape());
    assertArrayEquals(new int[] {3, 28, 28}, d.test().x().shape());
    assertEquals(DType.FLOAT32, d.train().x().dtype());
    assertEquals(DType.INT32, d.test().y().dtype());
    assertArrayEquals(Fixtures.ints(want.get("y_train")), d.train().y().toIntArray());
    assertArrayEquals(Fixtures.ints(want.get("y_test")), d.test().y().toIntArray());
    long sum = 0;
    for (float v : d.train().x().toFloatArray()) {
      sum += (long) v;
    }
    assertEquals(((Number) want.get("x_train_sum")).longValue(), sum);
    float[] test = d.test().x().toFloatArray();
    int[] pixels = Fixtures.ints(want.get("x_test_pixels"));
    assertEquals(pixels[0], test[2 * 784 + 27 * 28]);
    assertEquals(pixels[1], test[784 + 13 * 28 + 14]);
  }

  @Test
  void realMnistThroughTheCacheMatchesTheIdxFiles() throws IOException {
    Path dir = DATA.resolve("datasets/mnist");
    assumeTrue(
        Files.isDirectory(dir), "MNIST files not found at " + dir + " (set -Dkeras4j.data.dir)");
    TrainTestData idx = Mnist.load(dir);
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    Path npz = src.resolve("mnist.npz");
    writeNpz(
        npz,
        Map.of(
            "x_train", idx.train().x(),
            "y_train", idx.train().y(),
            "x_test", idx.test().x(),
            "y_test", idx.test().y()));
    var fetcher = new Fixtures.LocalFetcher(src);
    var cache =
        new DatasetCache(tmp.resolve("cache"), fetcher, Map.of("mnist.npz", Fixtures.sha256(npz)));
    TrainTestData d = Mnist.loadData(cache);
    Mnist.loadData(cache);
    assertEquals(1, fetcher.downloads.get());
    assertArrayEquals(new int[] {10000, 28, 28}, d.test().x().shape());
    assertArrayEquals(new int[] {14262, 28, 28}, d.train().x().shape());
    assertArrayEquals(idx.test().x().toFloatArray(), d.test().x().toFloatArray());
    assertArrayEquals(idx.train().y().toIntArray(), d.train().y().toIntArray());
    int[] histogram = new int[10];
    for (int v : d.test().y().toIntArray()) {
      histogram[v]++;
    }
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, histogram);
  }

  @Test
  void fashionMnistDownloadsItsFourFilesOnce() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    int[] trainLabels = {9, 0, 0, 3, 0, 2};
    int[] testLabels = {9, 2, 1};
    writeIdx(src.resolve("train-images-idx3-ubyte.gz"), 2051, new int[] {6, 28, 28}, 5);
    writeIdx(src.resolve("train-labels-idx1-ubyte.gz"), 2049, trainLabels);
    writeIdx(src.resolve("t10k-images-idx3-ubyte.gz"), 2051, new int[] {3, 28, 28}, 11);
    writeIdx(src.resolve("t10k-labels-idx1-ubyte.gz"), 2049, testLabels);
    Map<String, String> hashes = new HashMap<>();
    for (DatasetCache.Remote r : FashionMnist.FILES) {
      hashes.put(r.name(), Fixtures.sha256(src.resolve(r.name())));
    }
    var fetcher = new Fixtures.LocalFetcher(src);
    var cache = new DatasetCache(tmp.resolve("cache"), fetcher, hashes);
    TrainTestData d = FashionMnist.loadData(cache);
    FashionMnist.loadData(cache);
    assertEquals(4, fetcher.downloads.get());
    assertEquals(
        "https://storage.googleapis.com/tensorflow/tf-keras-datasets/train-labels-idx1-ubyte.gz",
        fetcher.urls.get(0));
    assertEquals(
        true, Files.isRegularFile(tmp.resolve("cache/fashion-mnist/t10k-images-idx3-ubyte.gz")));
    assertArrayEquals(trainLabels, d.train().y().toIntArray());
    assertArrayEquals(testLabels, d.test().y().toIntArray());
    assertArrayEquals(new int[] {3, 28, 28}, d.test().x().shape());
    float[] x = d.test().x().toFloatArray();
    assertEquals((11 + 1000) % 256, x[1000]); // writeIdx: byte i is (start + i) % 256
    assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(testLabels[0]));
  }

  /** IDX: images (start + i) % 256, or the given labels; gzip-compressed. */
  private static void writeIdx(Path file, int magic, int[] dims, int start) throws IOException {
    try (DataOutputStream out = new DataOutputStream(gzip(file))) {
      out.writeInt(magic);
      int n = 1;
      for (int d : dims) {
        out.writeInt(d);
        n *= d;
      }
      for (int i = 0; i < n; i++) {
        out.writeByte((start + i) % 256);
      }
    }
  }

  private static void writeIdx(Path file, int magic, int[] labels) throws IOException {
    try (DataOutputStream out = new DataOutputStream(gzip(file))) {
      out.writeInt(magic);
      out.writeInt(labels.length);
      for (int v : labels) {
        out.writeByte(v);
      }
    }
  }

  private static OutputStream gzip(Path file) throws IOException {
    return new GZIPOutputStream(Files.newOutputStream(file));
  }

  /** An npz of uint8 arrays as numpy's {@code np.savez} writes them (.npy version 1.0). */
  private static void writeNpz(Path file, Map<String, Tensor> arrays) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (var e : arrays.entrySet()) {
        Tensor t = e.getValue();
        StringBuilder shape = new StringBuilder("(");
        for (int d : t.shape()) {
          shape.append(d).append(", ");
        }
        String s =
            t.shape().length == 1
                ? shape.toString().trim() + ")"
                : shape.substring(0, shape.length() - 2) + ")";
        String header = "{'descr': '|u1', 'fortran_order': False, 'shape': " + s + ", }";
        int total = 10 + header.length() + 1;
        header = header + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.write(
            ByteBuffer.allocate(2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) header.length())
                .array());
        b.write(header.getBytes(StandardCharsets.US_ASCII));
        float[] v = t.dtype() == DType.INT32 ? toFloats(t.toIntArray()) : t.toFloatArray();
        for (float f : v) {
          b.write((int) f);
        }
        zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
        b.writeTo(zip);
        zip.closeEntry();
      }
    }
  }

  private static float[] toFloats(int[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      f[i] = a[i];
    }
    return f;
  }
}

package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GoldenData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CIFAR-10's binary batches: the 5,506 real records of the shared subset (property {@code
 * keras4j.data.dir}, skipped when absent; expected values computed with numpy on the same files),
 * and small files written here for the layout, the errors and the archive's unpacking.
 */
class Cifar10Test {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  private static Path subset() {
    Path dir = DATA.resolve("datasets/cifar10_subset");
    assumeTrue(
        Files.isDirectory(dir),
        "CIFAR-10 subset not found at " + dir + " (set -Dkeras4j.data.dir)");
    return dir;
  }

  @Test
  void readsTheSharedSubset() {
    TrainTestData c = Cifar10.load(subset());
    assertArrayEquals(new int[] {4660, 32, 32, 3}, c.train().x().shape());
    assertArrayEquals(new int[] {846, 32, 32, 3}, c.test().x().shape());
    assertArrayEquals(new int[] {846}, c.test().y().shape());
    assertEquals(DType.FLOAT32, c.train().x().dtype());
    assertEquals(DType.INT32, c.train().y().dtype());
    assertArrayEquals(
        new int[] {479, 479, 444, 448, 489, 435, 464, 477, 481, 464}, histogram(c.train().y()));
    assertArrayEquals(new int[] {83, 70, 88, 84, 76, 79, 97, 87, 88, 94}, histogram(c.test().y()));
    int[] first = c.test().y().toIntArray();
    assertArrayEquals(new int[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, java.util.Arrays.copyOf(first, 10));
    Tensor x = c.test().x();
    assertArrayEquals(new float[] {158, 112, 49}, pixel(x, 0, 0, 0));
    assertArrayEquals(new float[] {21, 67, 110}, pixel(x, 0, 31, 31));
    assertArrayEquals(new float[] {160, 95, 75}, pixel(x, 5, 10, 20));
    assertEquals(1733586764L, sum(c.train().x()));
    assertEquals(318297438L, sum(x));
    assertEquals("cat", Cifar10.CLASS_NAMES.get(3));
  }

  @Test
  void planesBecomeChannelsLastAndPlainOrGzipFilesRead(@TempDir Path dir) throws IOException {
    for (int i = 1; i <= 5; i++) {
      write(dir.resolve("data_batch_" + i + ".bin"), record(i, 10 * i), false);
    }
    write(dir.resolve("test_batch.bin.gz"), record(7, 3), true);
    TrainTestData c = Cifar10.load(dir);
    assertEquals(5, c.train().size());
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, c.train().y().toIntArray());
    assertArrayEquals(new int[] {7}, c.test().y().toIntArray());
    // record(label, base): red plane = base, green = base + 1, blue = base + 2, plus the pixel
    // index % 7
    assertArrayEquals(new float[] {3 + 5 % 7, 4 + 5 % 7, 5 + 5 % 7}, pixel(c.test().x(), 0, 0, 5));
  }

  @Test
  void badFilesAreClearErrors(@TempDir Path dir) throws IOException {
    var e = assertThrows(IllegalArgumentException.class, () -> Cifar10.load(dir));
    assertTrue(e.getMessage().contains("data_batch_1") && e.getMessage().contains(dir.toString()));
    Path odd = dir.resolve("odd.bin");
    Files.write(odd, new byte[100]);
    e = assertThrows(IllegalArgumentException.class, () -> Cifar10.read(List.of(odd)));
    assertTrue(e.getMessage().contains("Received: 100 bytes"), e.getMessage());
    byte[] bad = record(12, 0);
    Path label = dir.resolve("label.bin");
    Files.write(label, bad);
    e = assertThrows(IllegalArgumentException.class, () -> Cifar10.read(List.of(label)));
    assertTrue(e.getMessage().contains("label 12"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Cifar10.load(dir.resolve("no such directory")));
  }

  @Test
  void aPlacedArchiveIsCheckedThenUnpackedWhole(@TempDir Path cache) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (int i = 1; i <= 5; i++) {
      tarEntry(tar, "cifar-10-batches-bin/data_batch_" + i + ".bin", record(i, 0));
    }
    tarEntry(tar, "cifar-10-batches-bin/test_batch.bin", record(9, 0));
    tarEntry(tar, "cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
    tar.write(new byte[1024]);
    Path archive = cache.resolve(Cifar10Download.ARCHIVE);
    write(archive, tar.toByteArray(), true);
    String md5 = Cifar10Download.md5(archive);

    var e =
        assertThrows(
            IllegalStateException.class, () -> Cifar10Download.batchesDirectory(cache, "0" + md5));
    assertTrue(e.getMessage().contains("Received: " + md5), e.getMessage());
    assertFalse(Files.exists(cache.resolve(Cifar10Download.BATCHES)), "nothing half unpacked");

    Path batches = Cifar10Download.batchesDirectory(cache, md5);
    assertTrue(Files.isRegularFile(batches.resolve("test_batch.bin")));
    assertFalse(Files.exists(batches.resolve("batches.meta.txt")), "only the batch files");
    assertArrayEquals(new int[] {9}, Cifar10.load(batches).test().y().toIntArray());
  }

  private static byte[] record(int label, int base) {
    byte[] b = new byte[Cifar10.RECORD];
    b[0] = (byte) label;
    for (int c = 0; c < 3; c++) {
      for (int px = 0; px < 1024; px++) {
        b[1 + c * 1024 + px] = (byte) (base + c + px % 7);
      }
    }
    return b;
  }

  private static void tarEntry(ByteArrayOutputStream tar, String name, byte[] data)
      throws IOException {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, h, 0, n.length);
    byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, h, 124, size.length);
    h[156] = '0';
    tar.write(h);
    tar.write(data);
    tar.write(new byte[(512 - data.length % 512) % 512]);
  }

  private static void write(Path f, byte[] data, boolean gzip) throws IOException {
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(f)) : Files.newOutputStream(f)) {
      out.write(data);
    }
  }

  private static int[] histogram(Tensor y) {
    int[] h = new int[10];
    for (int v : y.toIntArray()) {
      h[v]++;
    }
    return h;
  }

  private static float[] pixel(Tensor x, int n, int r, int c) {
    return new float[] {x.getFloat(n, r, c, 0), x.getFloat(n, r, c, 1), x.getFloat(n, r, c, 2)};
  }

  private static long sum(Tensor x) {
    long s = 0;
    for (float v : x.toFloatArray()) {
      s += (long) v;
    }
    return s;
  }
}

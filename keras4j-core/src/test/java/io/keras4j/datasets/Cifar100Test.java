package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CIFAR-100 from a small {@code cifar-100-python.tar.gz} in the real layout: {@code train} pickled
 * as Python 2's cPickle wrote the real files (protocol 2, byte strings), {@code test} as Python 3
 * pickles protocol 2 (bytes as {@code _codecs.encode} calls); expected pixels and labels from
 * Keras's {@code load_batch} run on the same bytes (generated/datasets_fixtures.py).
 */
class Cifar100Test {
  @TempDir Path tmp;

  private DatasetCache cache(Fixtures.LocalFetcher fetcher, Path archive) {
    return new DatasetCache(
        tmp.resolve("cache"), fetcher, Map.of("cifar-100-python.tar.gz", Fixtures.sha256(archive)));
  }

  @Test
  void downloadsUnpacksOnceAndReadsFineLabels() {
    Path archive = Fixtures.copy("cifar-100-python.tar.gz", tmp.resolve("src"));
    var fetcher = new Fixtures.LocalFetcher(archive.getParent());
    TrainTestData d = Cifar100.loadData(cache(fetcher, archive), "fine");
    assertEquals(
        java.util.List.of("https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"),
        fetcher.urls);
    Path dir = tmp.resolve("cache/cifar-100-python");
    for (String f : new String[] {"train", "test", "meta"}) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    check("cifar100_train", d.train(), "fine");
    check("cifar100_test", d.test(), "fine");
    assertArrayEquals(new int[] {4, 32, 32, 3}, d.train().x().shape());
    assertArrayEquals(new int[] {3, 1}, d.test().y().shape());
    assertEquals(DType.FLOAT32, d.train().x().dtype());
    assertEquals(DType.INT32, d.train().y().dtype());
    // the second load reads the unpacked files: no download
    TrainTestData again = Cifar100.loadData(cache(fetcher, archive), "coarse");
    assertEquals(1, fetcher.downloads.get());
    check("cifar100_train", again.train(), "coarse");
    check("cifar100_test", again.test(), "coarse");
  }

  @Test
  void readsAnUnpackedDirectoryAndItsParent() {
    Path archive = Fixtures.copy("cifar-100-python.tar.gz", tmp.resolve("src"));
    Cifar100.directory(cache(new Fixtures.LocalFetcher(archive.getParent()), archive));
    check("cifar100_test", Cifar100.load(tmp.resolve("cache"), "coarse").test(), "coarse");
    check(
        "cifar100_train",
        Cifar100.load(tmp.resolve("cache/cifar-100-python"), "fine").train(),
        "fine");
  }

  @Test
  void errorsNameTheArgumentOrTheFile() throws IOException {
    var e = assertThrows(IllegalArgumentException.class, () -> Cifar100.loadData("medium"));
    assertEquals(
        "Cifar100: labelMode must be one of \"fine\", \"coarse\". Received: labelMode=medium",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Cifar100.load(tmp, "fine"));
    assertTrue(e.getMessage().contains("'train'") && e.getMessage().contains(tmp.toString()));
    // a truncated pickle
    Path archive = Fixtures.copy("cifar-100-python.tar.gz", tmp.resolve("src"));
    Path dir = Cifar100.directory(cache(new Fixtures.LocalFetcher(archive.getParent()), archive));
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    byte[] train = Files.readAllBytes(dir.resolve("train"));
    Files.write(bad.resolve("train"), Arrays.copyOf(train, train.length - 4000));
    Files.copy(dir.resolve("test"), bad.resolve("test"));
    e = assertThrows(IllegalArgumentException.class, () -> Cifar100.load(bad, "fine"));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    // a damaged archive is not unpacked
    Path junk = tmp.resolve("junk");
    Files.createDirectories(junk);
    Files.write(junk.resolve("cifar-100-python.tar.gz"), new byte[100]);
    var cache =
        new DatasetCache(
            tmp.resolve("cache2"),
            new Fixtures.LocalFetcher(junk),
            Map.of(
                "cifar-100-python.tar.gz",
                Fixtures.sha256(junk.resolve("cifar-100-python.tar.gz"))));
    assertThrows(RuntimeException.class, () -> Cifar100.loadData(cache, "fine"));
    assertFalse(Files.exists(tmp.resolve("cache2/cifar-100-python")), "nothing half unpacked");
  }

  private void check(String key, io.keras4j.data.Dataset part, String mode) {
    Map<String, Object> want = Fixtures.expected(key, tmp);
    int[] labels = Fixtures.ints(want.get(mode));
    assertArrayEquals(labels, part.y().toIntArray());
    assertArrayEquals(new int[] {labels.length, 1}, part.y().shape());
    Tensor x = part.x();
    float[] v = x.toFloatArray();
    int[] first100 = Arrays.copyOf(Fixtures.ints(want.get("x")), 100);
    int[] last100 = Arrays.copyOfRange(Fixtures.ints(want.get("x")), 100, 200);
    for (int i = 0; i < 100; i++) {
      assertEquals(first100[i], v[i], "pixel " + i);
      assertEquals(last100[i], v[v.length - 100 + i], "pixel " + (v.length - 100 + i));
    }
    long sum = 0;
    for (float f : v) {
      sum += (long) f;
    }
    assertEquals(((Number) want.get("x_sum")).longValue(), sum);
  }
}

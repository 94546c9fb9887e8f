package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.testing.GoldenData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMDB: the shared prepared subset (property {@code keras4j.data.dir}, skipped when absent;
 * expected values computed with numpy on the same files), and Keras's {@code load_data} on a tiny
 * {@code imdb.npz} written by numpy's {@code np.savez} (object arrays of lists), its expected
 * reviews computed by a transcription of Keras's {@code load_data} in Python.
 */
class ImdbTest {
  private static final Path DATA = GoldenData.dir("keras4j.data.dir", "../shared/data");

  @TempDir Path tmp;

  private static Path subset() {
    Path dir = DATA.resolve("datasets/imdb_subset");
    assumeTrue(
        Files.isDirectory(dir), "IMDB subset not found at " + dir + " (set -Dkeras4j.data.dir)");
    return dir;
  }

  @Test
  void readsTheSharedSubsetPadded() {
    TrainTestData d = Imdb.load(subset(), 500, 200);
    Tensor x = d.train().x();
    assertEquals(DType.INT32, x.dtype());
    assertEquals(DType.INT32, d.train().y().dtype());
    assertArrayEquals(new int[] {5000, 200}, x.shape());
    assertArrayEquals(new int[] {1000, 200}, d.test().x().shape());
    assertArrayEquals(new int[] {1000}, d.test().y().shape());
    int[] xs = x.toIntArray();
    assertArrayEquals(new int[] {5, 25, 100, 43, 2}, Arrays.copyOfRange(xs, 0, 5));
    assertArrayEquals(new int[] {16, 2, 19, 178, 32}, Arrays.copyOfRange(xs, 195, 200));
    assertArrayEquals(new int[] {0, 0, 0, 0, 0}, Arrays.copyOfRange(xs, 200, 205));
    assertEquals(48344774L, sum(xs));
    assertEquals(9619170L, sum(d.test().x().toIntArray()));
    assertEquals(2546L, sum(d.train().y().toIntArray()));
    assertEquals(474L, sum(d.test().y().toIntArray()));
    assertArrayEquals(
        new int[] {0, 1, 1, 0, 1, 1, 1, 0}, Arrays.copyOf(d.test().y().toIntArray(), 8));
    // a smaller vocabulary: indices of 100 or more become the OOV index 2
    assertEquals(11458198L, sum(Imdb.load(subset(), 100, 200).train().x().toIntArray()));
  }

  @Test
  void loadDataAsKerasDefaults() {
    ImdbData d = Imdb.loadData(tiny(), new ImdbOptions());
    assertReviews(
        List.of(
            new int[] {1, 15, 18, 20, 24, 10, 19, 30},
            new int[] {1},
            new int[] {1},
            new int[] {1},
            new int[] {1, 25, 19, 12, 11, 7, 10},
            new int[] {1, 17, 18, 2},
            new int[] {1, 7, 9},
            new int[] {1, 13, 12, 12, 4, 21, 10, 19, 17, 8},
            new int[] {1, 25, 2, 21, 28},
            new int[] {1, 17, 7, 12, 22},
            new int[] {1},
            new int[] {1, 18}),
        d.xTrain());
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 1}, d.yTrain());
    assertReviews(
        List.of(
            new int[] {1, 10, 19, 17, 29, 12},
            new int[] {1, 16, 25, 14, 11, 3, 15, 15, 8},
            new int[] {1, 31, 4, 26},
            new int[] {1, 22, 22, 21, 20, 24, 10, 7, 15, 16},
            new int[] {1, 18, 19, 8, 5, 16, 30},
            new int[] {1, 28},
            new int[] {1, 30, 17, 30}),
        d.xTest());
    assertArrayEquals(new int[] {0, 1, 0, 0, 1, 1, 0}, d.yTest());
  }

  @Test
  void loadDataWithNumWordsSkipTopMaxlenAndSeed() {
    var o = new ImdbOptions().numWords(20).skipTop(4).maxlen(8).seed(7);
    ImdbData d = Imdb.loadData(tiny(), o);
    assertReviews(
        List.of(
            new int[] {2, 17, 7, 12, 2},
            new int[] {2},
            new int[] {2, 18},
            new int[] {2, 17, 18, 2},
            new int[] {2, 2, 19, 12, 11, 7, 10},
            new int[] {2, 7, 9},
            new int[] {2},
            new int[] {2},
            new int[] {2, 2, 2, 2, 2},
            new int[] {2}),
        d.xTrain());
    assertArrayEquals(new int[] {0, 0, 1, 0, 1, 0, 1, 0, 1, 0}, d.yTrain());
    assertReviews(
        List.of(
            new int[] {2, 2, 4, 2},
            new int[] {2, 2},
            new int[] {2, 18, 19, 8, 5, 16, 2},
            new int[] {2, 10, 19, 17, 2, 12},
            new int[] {2, 2, 17, 2}),
        d.xTest());
    assertArrayEquals(new int[] {0, 1, 1, 0, 0}, d.yTest());
  }

  @Test
  void loadDataWithoutStartOrOovChar() {
    var o = new ImdbOptions().numWords(15).noStartChar().noOovChar().indexFrom(0);
    ImdbData d = Imdb.loadData(tiny(), o);
    assertReviews(
        List.of(
            new int[] {12, 7},
            new int[] {},
            new int[] {},
            new int[] {},
            new int[] {9, 8, 4, 7},
            new int[] {14},
            new int[] {4, 6},
            new int[] {10, 9, 9, 1, 7, 14, 5},
            new int[] {},
            new int[] {14, 4, 9},
            new int[] {},
            new int[] {}),
        d.xTrain());
    assertReviews(
        List.of(
            new int[] {7, 14, 9},
            new int[] {13, 11, 8, 0, 12, 12, 5},
            new int[] {1},
            new int[] {7, 4, 12, 13},
            new int[] {5, 2, 13},
            new int[] {},
            new int[] {14}),
        d.xTest());
  }

  @Test
  void maxlenThatKeepsNothingIsAnError() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Imdb.loadData(tiny(), new ImdbOptions().maxlen(1)));
    assertTrue(e.getMessage().contains("maxlen=1"), e.getMessage());
  }

  @Test
  void offlineDownloadNamesTheFileToPlace() {
    var remote = new ImdbDownload.Remote("imdb.npz", ImdbDownload.NPZ.hash());
    var e =
        assertThrows(
            UncheckedIOException.class,
            () -> ImdbDownload.file(tmp.resolve("cache"), remote, "http://127.0.0.1:9/"));
    assertTrue(e.getMessage().contains("place imdb.npz"), e.getMessage());
    assertTrue(e.getMessage().contains(tmp.resolve("cache").toString()), e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("cache/imdb.npz.part")));
  }

  @Test
  void aCachedFileIsCheckedAgainstItsHash() throws IOException {
    Path cache = tmp.resolve("cache");
    Files.createDirectories(cache);
    Files.copy(tiny(), cache.resolve("imdb.npz"));
    var e =
        assertThrows(
            IllegalStateException.class,
            () -> ImdbDownload.file(cache, ImdbDownload.NPZ, "http://127.0.0.1:9/"));
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    String sha = ImdbDownload.hash(tiny(), "SHA-256");
    var ok = new ImdbDownload.Remote("imdb.npz", sha);
    assertEquals(cache.resolve("imdb.npz"), ImdbDownload.file(cache, ok, "http://127.0.0.1:9/"));
  }

  @Test
  void wordIndexAndSubsetErrors() throws IOException {
    Path json = tmp.resolve("w.json");
    Files.writeString(json, "{\"the\": 1, \"and\": 2, \"film\": 19}");
    Map<String, Integer> w = Imdb.getWordIndex(json);
    assertEquals(Map.of("the", 1, "and", 2, "film", 19), w);
    var e = assertThrows(IllegalArgumentException.class, () -> Imdb.load(tmp, 500, 200));
    assertTrue(e.getMessage().contains("imdb_train.txt"), e.getMessage());
    Files.writeString(tmp.resolve("imdb_train.txt"), "1\t1 2 3\n0 1 2\n");
    Files.writeString(tmp.resolve("imdb_test.txt"), "1\t1 2 3\n");
    e = assertThrows(IllegalArgumentException.class, () -> Imdb.load(tmp, 500, 200));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Imdb.load(tmp, 500, 0));
    assertTrue(e.getMessage().contains("maxlen=0"), e.getMessage());
  }

  private Path tiny() {
    Path p = tmp.resolve("imdb_tiny.npz");
    if (Files.notExists(p)) {
      try (InputStream in =
          ImdbTest.class.getClassLoader().getResourceAsStream("generated/imdb_tiny.npz")) {
        Files.copy(in, p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  private static void assertReviews(List<int[]> expected, List<int[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "review " + i);
    }
  }

  private static long sum(int[] a) {
    long s = 0;
    for (int v : a) {
      s += v;
    }
    return s;
  }
}

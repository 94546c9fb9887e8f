package io.keras4j.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reuters: Keras's {@code load_data} on a 15-newswire {@code reuters.npz} written by numpy (an
 * object array of lists), its expected newswires computed by a transcription of Keras's {@code
 * load_data} (generated/datasets_fixtures.py); the word index through the cache (checked by MD5, as
 * Keras publishes it).
 */
class ReutersTest {
  @TempDir Path tmp;

  private Path npz() {
    return Fixtures.copy("reuters.npz", tmp.resolve("src"));
  }

  @Test
  void defaultsAsKeras() {
    check("reuters_default", Reuters.loadData(npz(), new ReutersOptions()));
  }

  @Test
  void numWordsSkipTopMaxlenTestSplitAndSeedAsKeras() {
    var o = new ReutersOptions().numWords(20).skipTop(4).maxlen(9).testSplit(0.3).seed(7);
    check("reuters_options", Reuters.loadData(npz(), o));
  }

  @Test
  void withoutStartOrOovCharAsKeras() {
    var o =
        new ReutersOptions()
            .numWords(15)
            .noStartChar()
            .noOovChar()
            .indexFrom(0)
            .testSplit(0.5)
            .seed(0);
    check("reuters_no_start_no_oov", Reuters.loadData(npz(), o));
  }

  @Test
  void downloadsThroughTheCacheOnce() {
    Path src = npz().getParent();
    var fetcher = new Fixtures.LocalFetcher(src);
    var cache =
        new DatasetCache(
            tmp.resolve("cache"), fetcher, Map.of("reuters.npz", Fixtures.sha256(npz())));
    ReutersData a = Reuters.loadData(cache, new ReutersOptions());
    ReutersData b = Reuters.loadData(cache, new ReutersOptions());
    assertEquals(1, fetcher.downloads.get());
    assertEquals(
        List.of("https://storage.googleapis.com/tensorflow/tf-keras-datasets/reuters.npz"),
        fetcher.urls);
    assertArrayEquals(a.yTrain(), b.yTrain());
    check("reuters_default", a);
  }

  @Test
  void wordIndexCheckedByMd5AndLabelNames() {
    Path json = Fixtures.copy("reuters_word_index.json", tmp.resolve("src"));
    var fetcher = new Fixtures.LocalFetcher(json.getParent());
    // Keras publishes an MD5 for this file: the real one fails on the fixture...
    var keras = new DatasetCache(tmp.resolve("cache"), fetcher);
    var e = assertThrows(IllegalStateException.class, () -> Reuters.getWordIndex(keras));
    assertTrue(e.getMessage().contains("MD5 4d44cc38712099c9e383dc6e5f11a921"), e.getMessage());
    // ...and the fixture's own MD5 passes
    var cache =
        new DatasetCache(
            tmp.resolve("cache"), fetcher, Map.of("reuters_word_index.json", Fixtures.md5(json)));
    assertEquals(
        Map.of("the", 1, "of", 2, "to", 3, "and", 4, "said", 5), Reuters.getWordIndex(cache));
    List<String> names = Reuters.getLabelNames();
    assertEquals(46, names.size());
    assertEquals("cocoa", names.get(0));
    assertEquals("earn", names.get(3));
    assertEquals("lead", names.get(45));
  }

  @Test
  void badOptionsNameTheArgument() {
    var e = assertThrows(IllegalArgumentException.class, () -> new ReutersOptions().testSplit(1.5));
    assertEquals("Reuters: testSplit must be in [0, 1]. Received: testSplit=1.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ReutersOptions().numWords(0));
    assertTrue(e.getMessage().contains("numWords=0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ReutersOptions().seed(-1));
    assertTrue(e.getMessage().contains("seed=-1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Reuters.loadData(npz(), new ReutersOptions().maxlen(1)));
    assertTrue(e.getMessage().contains("maxlen=1"), e.getMessage());
  }

  private void check(String key, ReutersData d) {
    Map<String, Object> want = Fixtures.expected(key, tmp);
    assertLists(Fixtures.intLists(want.get("x_train")), d.xTrain());
    assertArrayEquals(Fixtures.ints(want.get("y_train")), d.yTrain());
    assertLists(Fixtures.intLists(want.get("x_test")), d.xTest());
    assertArrayEquals(Fixtures.ints(want.get("y_test")), d.yTest());
  }

  private static void assertLists(List<int[]> expected, List<int[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "newswire " + i);
    }
  }
}

package io.keras4j.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.data.Dataset;
import io.keras4j.data.DatasetException;
import io.keras4j.data.DatasetIterator;
import io.keras4j.models.Sequential;
import io.keras4j.models.StepData;
import io.keras4j.random.RandomOps;
import io.keras4j.testing.Quiet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Dataset.cache(Path)}, tf.data's {@code cache(filename)}: the first complete pass writes
 * the file, later passes and later pipelines read it without running the upstream (the same bits:
 * float32, int32, several inputs, sample weights), a pass stopped early leaves no file, a damaged
 * or foreign file is refused with its path, and fit over the file equals fit over the tensors.
 */
class DatasetFileCacheTest {
  @TempDir Path dir;

  /** Element i: two inputs (float32 (2, 3), int32 (4,)), a target, a weight on even i. */
  private static StepData element(int i) {
    float[] x = new float[6];
    for (int j = 0; j < 6; j++) {
      x[j] = (float) Math.sin(i * 7 + j) * 1e3f + Float.MIN_VALUE * j;
    }
    int[] ids = {i, -i, Integer.MAX_VALUE - i, Integer.MIN_VALUE + i};
    Tensor w = i % 2 == 0 ? Tensor.of(new float[] {0.5f + i}, 1) : null;
    return new StepData(
        List.of(Tensor.of(x, 2, 3), Tensor.ofInts(ids, 4)), List.of(Tensor.of(i / 3f)), w);
  }

  private static Dataset source(AtomicInteger opened) {
    return Dataset.fromGenerator(
        () -> {
          opened.incrementAndGet();
          return IntStream.range(0, 10).mapToObj(DatasetFileCacheTest::element).iterator();
        });
  }

  private static List<StepData> drain(Dataset d) {
    List<StepData> out = new ArrayList<>();
    try (DatasetIterator it = d.iterator()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static void assertSameElements(List<StepData> expected, List<StepData> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      StepData e = expected.get(i);
      StepData a = actual.get(i);
      assertSameTensors(e.inputs(), a.inputs(), "inputs of " + i);
      assertSameTensors(e.targets(), a.targets(), "targets of " + i);
      if (e.sampleWeight() == null) {
        assertNull(a.sampleWeight(), "weight of " + i);
      } else {
        assertSameTensors(List.of(e.sampleWeight()), List.of(a.sampleWeight()), "weight of " + i);
      }
    }
  }

  private static void assertSameTensors(List<Tensor> e, List<Tensor> a, String what) {
    assertEquals(e.size(), a.size(), what);
    for (int t = 0; t < e.size(); t++) {
      assertArrayEquals(e.get(t).shape(), a.get(t).shape(), what);
      assertEquals(e.get(t).dtype(), a.get(t).dtype(), what);
      if (e.get(t).dtype() == DType.INT32) {
        assertArrayEquals(e.get(t).toIntArray(), a.get(t).toIntArray(), what);
      } else {
        assertArrayEquals(e.get(t).toFloatArray(), a.get(t).toFloatArray(), 0f, what);
      }
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  @Test
  void theFirstPassWritesTheFileAndLaterPassesAndPipelinesReadIt() throws IOException {
    AtomicInteger opened = new AtomicInteger();
    Path file = dir.resolve("train.cache");
    Dataset d = source(opened).map(e -> e).cache(file);
    List<StepData> expected =
        IntStream.range(0, 10).mapToObj(DatasetFileCacheTest::element).toList();

    assertSameElements(expected, drain(d));
    assertEquals(1, opened.get());
    assertEquals(List.of(file), files(), "the file, and no temporary file left");
    assertSameElements(expected, drain(d));
    assertEquals(1, opened.get(), "the second pass reads the file");

    // A later run: another pipeline naming the file never runs its upstream.
    Dataset later =
        Dataset.fromGenerator(
                () -> {
                  throw new AssertionError("the upstream of a written cache must not run");
                })
            .cache(file.toString());
    assertEquals(10, later.cardinality(), "the count is in the file's header");
    assertSameElements(expected, drain(later));
  }

  @Test
  void aPassStoppedEarlyLeavesNoFile() throws IOException {
    AtomicInteger opened = new AtomicInteger();
    Path file = dir.resolve("c.cache");
    Dataset d = source(opened).cache(file);
    try (DatasetIterator it = d.iterator()) {
      it.next();
      it.next();
    }
    assertEquals(List.of(), files());
    drain(d.take(3));
    assertEquals(List.of(), files(), "take(3) stops the pass early");
    assertEquals(10, drain(d).size());
    assertEquals(List.of(file), files());
    assertEquals(3, opened.get());
  }

  @Test
  void damagedAndForeignFilesAreRefusedWithTheirPath() throws IOException {
    Path file = dir.resolve("good.cache");
    drain(source(new AtomicInteger()).cache(file));
    byte[] good = Files.readAllBytes(file);

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    assertRefused(flipped, "CRC-32");

    assertRefused(java.util.Arrays.copyOf(good, good.length - 30), "ends");
    assertRefused("x,y\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "not a keras4j");
    byte[] unfinished = good.clone();
    for (int i = 12; i < 20; i++) {
      unfinished[i] = (byte) 0xff; // count -1: the writer never completed it
    }
    assertRefused(unfinished, "never completed");
    byte[] fewer = good.clone();
    fewer[12] = 3; // the header's count (little-endian) says 3 of the 10 elements
    assertRefused(fewer, "holds more");
    byte[] more = good.clone();
    more[12] = 20;
    assertRefused(more, "ends after 10");
  }

  private void assertRefused(byte[] bytes, String why) throws IOException {
    Path bad = dir.resolve("bad-" + why.replace(' ', '-') + ".cache");
    Files.write(bad, bytes);
    Dataset d =
        Dataset.fromGenerator(
                () -> {
                  throw new AssertionError("a damaged cache must not fall back silently");
                })
            .cache(bad);
    DatasetException e = assertThrows(DatasetException.class, () -> drain(d));
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertTrue(e.getMessage().contains("Delete it"), e.getMessage());
  }

  @Test
  void fitOverTheFileEqualsFitOverTheTensors() {
    Tensor x = RandomOps.uniform(new int[] {40, 3}, -1, 1, 31);
    Tensor y = RandomOps.uniform(new int[] {40, 1}, -1, 1, 32);
    Sequential a = TinyRegression.model();
    a.fit(x, y, Quiet.fit().batchSize(8).epochs(3).shuffle(false));
    Path file = dir.resolve("fit.cache");
    Dataset d = Dataset.fromTensorSlices(x, y).map(e -> e).batch(8).cache(file);
    Sequential b = TinyRegression.model();
    b.fit(d, Quiet.fit().epochs(3));
    assertTrue(Files.isRegularFile(file));
    TinyRegression.assertSameWeights(a, b);
  }

  /**
   * fit over a dataset of known cardinality reads exactly its steps and closes the pass: the caches
   * still count that pass as complete, so later epochs do not run the upstream again.
   */
  @Test
  void fitFillsBothCachesInItsFirstEpoch() {
    Tensor x = RandomOps.uniform(new int[] {40, 3}, -1, 1, 31);
    Tensor y = RandomOps.uniform(new int[] {40, 1}, -1, 1, 32);
    AtomicInteger mapped = new AtomicInteger();
    Dataset counted =
        Dataset.fromTensorSlices(x, y)
            .map(
                e -> {
                  mapped.incrementAndGet();
                  return e;
                })
            .batch(8);
    TinyRegression.model().fit(counted.cache(), Quiet.fit().epochs(3));
    assertEquals(40, mapped.get(), "in memory: one pass over the 40 samples for 3 epochs");
    mapped.set(0);
    TinyRegression.model().fit(counted.cache(dir.resolve("epochs.cache")), Quiet.fit().epochs(3));
    assertEquals(40, mapped.get(), "in a file: one pass over the 40 samples for 3 epochs");
  }

  @Test
  void anEmptyNameCachesInMemoryAndNullIsRefused() throws IOException {
    AtomicInteger opened = new AtomicInteger();
    Dataset d = source(opened).cache("");
    drain(d);
    drain(d);
    assertEquals(1, opened.get());
    assertEquals(List.of(), files());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> d.cache((Path) null));
    assertEquals(
        "Dataset.cache: file must not be null (cache() caches in memory). Received: file=null",
        e.getMessage());
    assertFalse(Files.exists(dir.resolve("null")));
  }
}

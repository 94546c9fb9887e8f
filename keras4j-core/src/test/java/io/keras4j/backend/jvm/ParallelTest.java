package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
  private final int savedThreads = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(savedThreads);
  }

  @Test
  void runsEveryChunkExactlyOnce() {
    for (int threads : new int[] {1, 2, 3}) {
      Parallel.setThreads(threads);
      for (int count : new int[] {0, 1, 2, 7, 1000}) {
        AtomicIntegerArray runs = new AtomicIntegerArray(count);
        for (int repeat = 0; repeat < 20; repeat++) {
          Parallel.forEach(count, runs::incrementAndGet);
        }
        for (int i = 0; i < count; i++) {
          assertEquals(20, runs.get(i), "chunk " + i + " of " + count + ", threads " + threads);
        }
      }
    }
  }

  @Test
  void nestedCallsFinish() {
    Parallel.setThreads(2);
    AtomicIntegerArray runs = new AtomicIntegerArray(16);
    Parallel.forEach(4, i -> Parallel.forEach(4, j -> runs.incrementAndGet(i * 4 + j)));
    for (int i = 0; i < 16; i++) {
      assertEquals(1, runs.get(i));
    }
  }

  @Test
  void rethrowsTheFailureOfAChunk() {
    Parallel.setThreads(2);
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forEach(
                    100,
                    i -> {
                      if (i == 37) {
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
    // The pool still works afterwards.
    AtomicIntegerArray runs = new AtomicIntegerArray(10);
    Parallel.forEach(10, runs::incrementAndGet);
    assertEquals(1, runs.get(9));
  }

  @Test
  void rejectsZeroThreads() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
    assertEquals("threads must be >= 1. Received: threads=0", e.getMessage());
  }
}

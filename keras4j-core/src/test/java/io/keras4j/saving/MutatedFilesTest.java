package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.keras4j.models.Model;
import io.keras4j.testing.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz run over real files, 1,000 mutations in all: each mutated file must load (the bytes
 * were padding or weight values) or be refused with a {@link KerasFileException}; never another
 * exception, an error (no OutOfMemoryError from a gigantic declared size), or a hang. Five kinds of
 * mutation, 100 of each per file: random bytes (half of them in the first 4 kB: headers,
 * superblock, object headers, zip local headers), eight-byte words set to large values at aligned
 * places in the first 4 kB (HDF5 addresses and sizes), the end of the file overwritten (the zip
 * central directory, the last datasets), a truncation, and a block inserted or removed (every later
 * offset shifted). Prints the outcome of each kind per file.
 */
class MutatedFilesTest {
  private static final int PER_KIND = 100;

  private static final String[] KINDS = {"bytes", "words", "tail", "truncate", "shift"};

  @TempDir Path tmp;

  @Test
  void mutatedLegacyH5LoadsOrIsRefused() throws IOException {
    run("keras_models/dl4j/tfjs_reference/lstm_tensorflow_2.h5", "m.h5", 12345L);
  }

  @Test
  void mutatedKerasZipLoadsOrIsRefused() throws IOException {
    run("keras_models/keras3/gru_forecast_keras3.15.keras", "m.keras", 54321L);
  }

  private void run(String relative, String name, long seed) throws IOException {
    byte[] original = Files.readAllBytes(KerasArchiveTest.file(relative));
    Random random = new Random(seed);
    Map<String, Integer> tally = new TreeMap<>();
    Path p = tmp.resolve(name);
    for (int i = 0; i < KINDS.length * PER_KIND; i++) {
      String kind = KINDS[i % KINDS.length];
      Files.write(p, mutate(original, kind, random));
      int index = i;
      String outcome =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> {
                try (LogCapture log = LogCapture.of(CompiledState.class)) {
                  Model.load(p); // a mutated training_config: loaded uncompiled, with a warning
                  return "loaded";
                } catch (KerasFileException e) {
                  return "refused";
                } catch (Throwable t) {
                  fail(
                      "mutation "
                          + index
                          + " ("
                          + kind
                          + ") of "
                          + relative
                          + " (seed "
                          + seed
                          + ") threw "
                          + t,
                      t);
                  return "";
                }
              });
      tally.merge(kind + " " + outcome, 1, Integer::sum);
    }
    System.out.println("MutatedFilesTest " + relative + ": " + tally);
  }

  private static byte[] mutate(byte[] original, String kind, Random random) {
    int n = original.length;
    switch (kind) {
      case "bytes" -> {
        byte[] b = original.clone();
        int range = random.nextBoolean() ? Math.min(4096, n) : n;
        for (int k = 0, count = 1 + random.nextInt(8); k < count; k++) {
          b[random.nextInt(range)] = (byte) random.nextInt(256);
        }
        return b;
      }
      case "words" -> {
        byte[] b = original.clone();
        long[] values = {-1L, Long.MAX_VALUE, 1L << 40, 0x7FFFFFFFL, n + 1L, 0L};
        for (int k = 0, count = 1 + random.nextInt(3); k < count; k++) {
          int at = random.nextInt(Math.max(1, Math.min(4096, n) / 8)) * 8;
          long v = values[random.nextInt(values.length)];
          for (int j = 0; j < 8 && at + j < n; j++) {
            b[at + j] = (byte) (v >>> (8 * j));
          }
        }
        return b;
      }
      case "tail" -> {
        byte[] b = original.clone();
        int from = Math.max(0, n - 1 - random.nextInt(Math.min(n, 1024)));
        for (int k = 0, count = 1 + random.nextInt(8); k < count; k++) {
          b[from + random.nextInt(n - from)] = (byte) random.nextInt(256);
        }
        return b;
      }
      case "truncate" -> {
        return java.util.Arrays.copyOf(original, random.nextInt(n));
      }
      default -> {
        int at = random.nextInt(n);
        int len = 1 + random.nextInt(64);
        if (random.nextBoolean()) {
          byte[] b = new byte[n + len];
          System.arraycopy(original, 0, b, 0, at);
          for (int j = 0; j < len; j++) {
            b[at + j] = (byte) random.nextInt(256);
          }
          System.arraycopy(original, at, b, at + len, n - at);
          return b;
        }
        int cut = Math.min(len, n - at);
        byte[] b = new byte[n - cut];
        System.arraycopy(original, 0, b, 0, at);
        System.arraycopy(original, at + cut, b, at, n - at - cut);
        return b;
      }
    }
  }
}

package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.keras4j.models.Model;
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
 * A first, small seeded fuzz run (issue 12 asks for a larger one): real files with bytes
 * overwritten at random places must load (the bytes were padding or weight values) or be refused
 * with a {@link KerasFileException}; never another exception, an error or a hang.
 */
class MutatedFilesTest {
  private static final int MUTATIONS = 300;

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
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] b = original.clone();
      int count = 1 + random.nextInt(8);
      // Half the mutations hit the first 4 kB (headers, superblock, object headers).
      int range = random.nextBoolean() ? Math.min(4096, b.length) : b.length;
      for (int k = 0; k < count; k++) {
        b[random.nextInt(range)] = (byte) random.nextInt(256);
      }
      Files.write(p, b);
      int index = i;
      String outcome =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> {
                try {
                  Model.load(p);
                  return "loaded";
                } catch (KerasFileException e) {
                  return "refused";
                } catch (Throwable t) {
                  fail(
                      "mutation " + index + " of " + relative + " (seed " + seed + ") threw " + t,
                      t);
                  return "";
                }
              });
      tally.merge(outcome, 1, Integer::sum);
    }
    System.out.println("MutatedFilesTest " + relative + ": " + tally);
  }
}

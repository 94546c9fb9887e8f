package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training JVM killed (SIGKILL) while its ModelCheckpoint writes (a save after every batch, to
 * one name): the file under the final name is a whole earlier save, whose weights are those the
 * program reported before saving them, never a partial one.
 */
class ModelCheckpointKillTest {
  @TempDir Path tmp;

  private static final String PROGRAM =
      """
      import io.keras4j.Input;
      import io.keras4j.Keras;
      import io.keras4j.Tensor;
      import io.keras4j.callbacks.Callback;
      import io.keras4j.callbacks.ModelCheckpoint;
      import io.keras4j.layers.Dense;
      import io.keras4j.models.FitOptions;
      import io.keras4j.models.Sequential;
      import io.keras4j.optimizers.SGD;
      import java.util.Map;

      public class CheckpointLoop {
        public static void main(String[] args) {
          Keras.setRandomSeed(3);
          var m = new Sequential(Input.of(256), new Dense(512), new Dense(512), new Dense(256));
          m.compile(new SGD(1e-4), "mse");
          Callback report = new Callback() {
            @Override public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
              long h = 17;
              for (Tensor w : model().getWeights()) {
                for (float v : w.toFloatArray()) {
                  h = h * 31 + Float.floatToRawIntBits(v);
                }
              }
              System.out.println("weights " + h);
              System.out.flush();
            }
          };
          var x = Tensor.ones(64, 256);
          m.fit(x, x, new FitOptions().epochs(1000).batchSize(32).verbose(0)
              .callbacks(report, new ModelCheckpoint(args[0]).saveFreq(1)));
        }
      }
      """;

  static long hash(Model m) {
    long h = 17;
    for (Tensor w : m.getWeights()) {
      for (float v : w.toFloatArray()) {
        h = h * 31 + Float.floatToRawIntBits(v);
      }
    }
    return h;
  }

  @Test
  void killingACheckpointingJvmLeavesAWholeEarlierSave() throws Exception {
    Path program = tmp.resolve("CheckpointLoop.java");
    Files.writeString(program, PROGRAM);
    Path dir = Files.createDirectories(tmp.resolve("out"));
    Path file = dir.resolve("model.keras");
    Set<Long> reported = ConcurrentHashMap.newKeySet();
    Process p = start(program, file);
    Thread reader =
        ChildJvm.follow(
            p,
            line -> {
              if (line.startsWith("weights ")) {
                reported.add(Long.parseLong(line.substring(8)));
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (reported.size() < 3 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(reported.size() >= 3, "the training JVM did not save (alive: " + p.isAlive() + ")");
    // Kill as soon as a later save has its temporary file: while it writes.
    while (p.isAlive() && System.nanoTime() < deadline && temporaryFiles(dir) == 0) {
      Thread.onSpinWait();
    }
    boolean whileWriting = temporaryFiles(dir) > 0;
    p.destroyForcibly();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    reader.join(10_000);
    assertTrue(whileWriting, "the kill did not land while a save was writing");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        String name = f.getFileName().toString();
        assertTrue(name.equals("model.keras") || name.endsWith(".tmp"), "unexpected " + name);
      }
    }
    Model m = Model.load(file);
    assertTrue(reported.contains(hash(m)), "the file holds weights of no complete save");
    assertEquals(6, m.getWeights().size()); // 3 kernels and 3 biases
  }

  private static long temporaryFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  private static Process start(Path program, Path file) throws IOException {
    return ChildJvm.startProgram(program, file.toString());
  }
}

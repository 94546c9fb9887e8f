package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Tensor;
import io.keras4j.models.Model;
import io.keras4j.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed (SIGKILL) while it saves, over and over, a model whose weights all equal the save's
 * number: the file left behind is always a whole earlier or current save (every weight equal to one
 * save's number), never a partial one.
 */
class KerasSaveKillTest {
  @TempDir Path tmp;

  private static final String PROGRAM =
      """
      import io.keras4j.Input;
      import io.keras4j.Tensor;
      import io.keras4j.layers.Dense;
      import io.keras4j.models.Sequential;
      import java.nio.file.Path;
      import java.util.ArrayList;
      import java.util.Arrays;
      import java.util.List;

      public class SaveLoop {
        public static void main(String[] args) {
          var m = new Sequential(Input.of(256), new Dense(2048), new Dense(2048), new Dense(256));
          Path file = Path.of(args[0]);
          for (int k = 1; ; k++) {
            List<Tensor> ws = new ArrayList<>();
            for (Tensor w : m.getWeights()) {
              float[] v = new float[(int) w.size()];
              Arrays.fill(v, k);
              ws.add(Tensor.of(v, w.shape()));
            }
            m.setWeights(ws);
            m.save(file);
            System.out.println("saved " + k);
            System.out.flush();
          }
        }
      }
      """;

  @Test
  void killingASavingJvmLeavesAWholeFile() throws IOException, InterruptedException {
    Path program = tmp.resolve("SaveLoop.java");
    Files.writeString(program, PROGRAM);
    Path file = tmp.resolve("model.keras");
    Random random = new Random(12);
    int killedWhileWriting = 0;
    for (int round = 0; round < 3; round++) {
      AtomicInteger lastSaved = new AtomicInteger();
      Process p = start(program, file);
      Thread reader =
          ChildJvm.follow(
              p,
              line -> {
                if (line.startsWith("saved ")) {
                  lastSaved.set(Integer.parseInt(line.substring(6)));
                }
              });
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (lastSaved.get() < 2 && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertTrue(
          lastSaved.get() >= 2, "the saving JVM did not save twice (alive: " + p.isAlive() + ")");
      // Kill as soon as a later save has its temporary file: while it writes the zip.
      while (p.isAlive() && System.nanoTime() < deadline && temporaryFiles() == 0) {
        Thread.onSpinWait();
      }
      Thread.sleep(random.nextInt(3));
      int before = lastSaved.get();
      p.destroyForcibly();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      reader.join(10_000);
      try (var files = Files.list(tmp)) { // the temporary file of an interrupted save
        for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
          killedWhileWriting++;
          Files.delete(f);
        }
      }
      Model m = Model.load(file);
      List<Float> values = new ArrayList<>();
      for (Tensor w : m.getWeights()) {
        float[] v = w.toFloatArray();
        for (float x : v) {
          if (x != v[0]) {
            throw new AssertionError(
                "round " + round + ": a weight mixes saves " + v[0] + ", " + x);
          }
        }
        values.add(v[0]);
      }
      float k = values.get(0);
      for (float v : values) {
        assertEquals(k, v, "round " + round + ": weights of different saves");
      }
      assertTrue(
          k >= before && k == Math.rint(k), "round " + round + ": save " + k + " < " + before);
    }
    // The kills landed inside saves: their temporary files were left (the target never was).
    assertTrue(killedWhileWriting >= 1, "no kill landed while a save was writing");
  }

  private long temporaryFiles() throws IOException {
    try (var files = Files.list(tmp)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  private static Process start(Path program, Path file) throws IOException {
    return ChildJvm.startProgram(program, file.toString());
  }
}

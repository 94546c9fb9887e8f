package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training JVM halted ({@code Runtime.halt}, as a kill: no shutdown hook, no finally) in the
 * middle of an epoch, then started again with the same program and seed, ends with bit-identical
 * weights to an uninterrupted run, with backups every epoch and every few batches.
 */
class BackupAndRestoreKillTest {
  @TempDir Path tmp;

  private static final String PROGRAM =
      """
      import io.keras4j.Input;
      import io.keras4j.Keras;
      import io.keras4j.Tensor;
      import io.keras4j.callbacks.BackupAndRestore;
      import io.keras4j.callbacks.Callback;
      import io.keras4j.layers.Dense;
      import io.keras4j.models.FitOptions;
      import io.keras4j.models.Sequential;
      import io.keras4j.optimizers.Adam;
      import java.nio.file.Path;
      import java.util.Map;
      import java.util.Random;

      public class Train {
        public static void main(String[] args) {
          Path dir = Path.of(args[0]);
          String freq = args[1];
          int haltEpoch = Integer.parseInt(args[2]);
          int haltBatch = Integer.parseInt(args[3]);
          Keras.setRandomSeed(11);
          var m = new Sequential(Input.of(3), new Dense(8).activation("tanh"), new Dense(1));
          m.compile(new Adam(0.01), "mse");
          Random r = new Random(5);
          float[] x = new float[22 * 3];
          float[] y = new float[22];
          for (int i = 0; i < 22; i++) {
            for (int j = 0; j < 3; j++) {
              x[i * 3 + j] = (float) r.nextGaussian();
            }
            y[i] = x[i * 3] - 2 * x[i * 3 + 1] * x[i * 3 + 2];
          }
          var backup = new BackupAndRestore(dir);
          if (!freq.equals("epoch")) {
            backup.saveFreq(Integer.parseInt(freq));
          }
          Callback halt = new Callback() {
            int epoch;
            @Override public void onEpochBegin(int e, Map<String, Double> logs) {
              epoch = e;
              System.out.println("epoch " + e);
            }
            @Override public void onTrainBatchBegin(int b, Map<String, Double> logs) {
              System.out.println("batch " + epoch + " " + b);
              if (epoch == haltEpoch && b == haltBatch) {
                System.out.flush();
                Runtime.getRuntime().halt(137);
              }
            }
          };
          m.fit(Tensor.of(x, 22, 3), Tensor.of(y, 22, 1),
              new FitOptions().epochs(4).batchSize(4).verbose(0).callbacks(backup, halt));
          StringBuilder sb = new StringBuilder("weights");
          for (Tensor w : m.getWeights()) {
            for (float v : w.toFloatArray()) {
              sb.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
            }
          }
          System.out.println(sb);
        }
      }
      """;

  private record Run(int exit, List<String> lines) {
    String weights() {
      return lines.stream().filter(l -> l.startsWith("weights")).findFirst().orElse(null);
    }
  }

  @Test
  void aKilledTrainingJvmResumesToTheWeightsOfAnUninterruptedRun() throws Exception {
    Path program = compile();
    Run reference = run(program, tmp.resolve("ref"), "epoch", -1, -1);
    assertEquals(0, reference.exit(), String.join("\n", reference.lines()));
    assertTrue(reference.weights() != null);

    // Backups at epoch ends, killed at epoch 2 batch 3: epochs 0 and 1 are kept.
    Path epochDir = tmp.resolve("epoch");
    Run killed = run(program, epochDir, "epoch", 2, 3);
    assertEquals(137, killed.exit());
    assertTrue(Files.exists(epochDir.resolve("training_metadata.json")));
    Run resumed = run(program, epochDir, "epoch", -1, -1);
    assertEquals(0, resumed.exit(), String.join("\n", resumed.lines()));
    assertEquals("batch 2 0", firstBatch(resumed));
    assertEquals(reference.weights(), resumed.weights(), "bit-identical weights");

    // Backups every 4 batches, killed at epoch 2 batch 5: the last backup was after batch 3.
    Path batchDir = tmp.resolve("batch");
    killed = run(program, batchDir, "4", 2, 5);
    assertEquals(137, killed.exit());
    resumed = run(program, batchDir, "4", -1, -1);
    assertEquals(0, resumed.exit(), String.join("\n", resumed.lines()));
    assertEquals("batch 2 4", firstBatch(resumed));
    assertEquals(reference.weights(), resumed.weights(), "bit-identical weights");
  }

  /** Compiles the program once (the source launcher would compile it at every start). */
  private Path compile() throws IOException, InterruptedException {
    Path src = tmp.resolve("Train.java");
    Files.writeString(src, PROGRAM);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    cmd.addAll(classPathOptions());
    cmd.addAll(List.of("-d", classes.toString(), src.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "javac did not end");
    assertEquals(0, p.exitValue(), "the training program does not compile: " + out);
    return classes;
  }

  private static List<String> classPathOptions() {
    return ChildJvm.classPathOptions();
  }

  private static String firstBatch(Run r) {
    return r.lines().stream().filter(l -> l.startsWith("batch ")).findFirst().orElse(null);
  }

  private static Run run(Path classes, Path dir, String freq, int haltEpoch, int haltBatch)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1"));
    List<String> cp = classPathOptions();
    if (cp.get(0).equals("-cp")) {
      cmd.addAll(List.of("-cp", classes + File.pathSeparator + cp.get(1)));
    } else {
      cmd.addAll(cp);
      cmd.addAll(List.of("-cp", classes.toString()));
    }
    cmd.add("-Dslf4j.provider=org.slf4j.helpers.NOP_SLF4JServiceProvider");
    cmd.add("Train");
    cmd.addAll(List.of(dir.toString(), freq, "" + haltEpoch, "" + haltBatch));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the training JVM did not end");
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).lines().toList());
  }
}

package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.Input;
import io.keras4j.Keras;
import io.keras4j.Tensor;
import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BackupAndRestore in one JVM: a fit interrupted by an exception from a callback (at a known epoch
 * and batch) and started again with the same seed ends with exactly the weights of an uninterrupted
 * run. The kill of a real JVM is in {@link BackupAndRestoreKillTest}.
 */
class BackupAndRestoreTest {
  @TempDir Path tmp;

  static final int EPOCHS = 4;

  /** The model and data of the tests: the same for the same seed. */
  static Sequential model() {
    Sequential m = new Sequential(Input.of(3), new Dense(8).activation("tanh"), new Dense(1));
    m.compile(new Adam(0.01), "mse");
    return m;
  }

  static Tensor[] data() {
    Random r = new Random(5);
    float[] x = new float[22 * 3];
    float[] y = new float[22];
    for (int i = 0; i < 22; i++) {
      for (int j = 0; j < 3; j++) {
        x[i * 3 + j] = (float) r.nextGaussian();
      }
      y[i] = x[i * 3] - 2 * x[i * 3 + 1] * x[i * 3 + 2];
    }
    return new Tensor[] {Tensor.of(x, 22, 3), Tensor.of(y, 22, 1)};
  }

  /** 22 rows in batches of 4: 6 steps an epoch, the last one of 2 rows. */
  static FitOptions options(Callback... callbacks) {
    return new FitOptions().epochs(EPOCHS).batchSize(4).verbose(0).callbacks(callbacks);
  }

  private static List<float[]> uninterrupted() {
    Keras.setRandomSeed(11);
    Sequential m = model();
    Tensor[] d = data();
    m.fit(d[0], d[1], options());
    return weights(m);
  }

  static List<float[]> weights(Sequential m) {
    List<float[]> out = new ArrayList<>();
    for (Tensor t : m.getWeights()) {
      out.add(t.toFloatArray());
    }
    return out;
  }

  /** Thrown by {@link Stop} to interrupt fit. */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted by the test");
    }
  }

  /** Interrupts fit at the end of batch {@code batch} of epoch {@code epoch}. */
  static final class Stop extends Callback {
    final int epoch;
    final int batch;
    int current;

    Stop(int epoch, int batch) {
      this.epoch = epoch;
      this.batch = batch;
    }

    @Override
    public void onEpochBegin(int e, Map<String, Double> logs) {
      current = e;
    }

    @Override
    public void onTrainBatchEnd(int b, Map<String, Double> logs) {
      if (current == epoch && b == batch) {
        throw new Interrupted();
      }
    }
  }

  private void resumesExactly(BackupAndRestore first, BackupAndRestore second, int epoch, int batch)
      throws Exception {
    List<float[]> expected = uninterrupted();
    Tensor[] d = data();
    Keras.setRandomSeed(11);
    Sequential m = model();
    assertThrows(
        Interrupted.class, () -> m.fit(d[0], d[1], options(first, new Stop(epoch, batch))));
    assertTrue(Files.exists(tmp.resolve("backup/training_metadata.json")));

    Keras.setRandomSeed(11); // the program started again
    Sequential again = model();
    List<Integer> epochsRun = new ArrayList<>();
    List<Integer> batchesRun = new ArrayList<>();
    Callback seen =
        new Callback() {
          @Override
          public void onEpochBegin(int e, Map<String, Double> logs) {
            epochsRun.add(e);
          }

          @Override
          public void onTrainBatchBegin(int b, Map<String, Double> logs) {
            batchesRun.add(b);
          }
        };
    again.fit(data()[0], data()[1], options(second, seen));
    List<float[]> got = weights(again);
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), got.get(i), 0f, "weight " + i + " (bit for bit)");
    }
    assertFalse(Files.exists(tmp.resolve("backup")), "the backup is deleted at the end");
    lastRun = new int[][] {toArray(epochsRun), toArray(batchesRun)};
  }

  private int[][] lastRun;

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void epochBackupsResumeAtTheEpochAfterTheLastOneCompleted() throws Exception {
    Path dir = tmp.resolve("backup");
    resumesExactly(new BackupAndRestore(dir), new BackupAndRestore(dir), 2, 3);
    // Epochs 0 and 1 were backed up; the run starts again at epoch 2, batch 0.
    assertArrayEquals(new int[] {2, 3}, lastRun[0]);
    assertEquals(12, lastRun[1].length);
    assertEquals(0, lastRun[1][0]);
  }

  @Test
  void batchBackupsResumeAtTheBatchAfterTheLastOneSaved() throws Exception {
    Path dir = tmp.resolve("backup");
    // Saves every 4 batches, counted across epochs: after epoch 0's batch 3, epoch 1's batches
    // 1 and 5, epoch 2's batch 3 ... Interrupted at epoch 2, batch 4: resumes at batch 4.
    resumesExactly(
        new BackupAndRestore(dir).saveFreq(4), new BackupAndRestore(dir).saveFreq(4), 2, 4);
    assertArrayEquals(new int[] {2, 3}, lastRun[0]);
    assertArrayEquals(new int[] {4, 5, 0, 1, 2, 3, 4, 5}, lastRun[1]);
  }

  @Test
  void aBackupAtAnEpochsLastBatchResumesAtTheNextEpoch() throws Exception {
    Path dir = tmp.resolve("backup");
    // Every 6 batches = at each epoch's last batch, then interrupted at once.
    resumesExactly(
        new BackupAndRestore(dir).saveFreq(6), new BackupAndRestore(dir).saveFreq(6), 1, 5);
    assertArrayEquals(new int[] {2, 3}, lastRun[0]);
  }

  @Test
  void keepsTheBackupWhenAsked() {
    Path dir = tmp.resolve("kept");
    Keras.setRandomSeed(11);
    Sequential m = model();
    Tensor[] d = data();
    m.fit(d[0], d[1], options(new BackupAndRestore(dir).deleteCheckpoint(false)));
    assertTrue(Files.exists(dir.resolve("training_metadata.json")));
    // A new fit with the finished backup starts at the end: nothing more is trained.
    List<float[]> before = weights(m);
    Sequential again = model();
    again.fit(d[0], d[1], options(new BackupAndRestore(dir)));
    List<float[]> after = weights(again);
    for (int i = 0; i < before.size(); i++) {
      assertArrayEquals(before.get(i), after.get(i), 0f);
    }
  }

  @Test
  void badArgumentsAreRefusedAsKerasRefusesThem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new BackupAndRestore(tmp).saveFreq("batch"));
    assertEquals(
        "Invalid value for argument `save_freq`. Received: save_freq=batch. Expected either"
            + " 'epoch' or a positive integer value.",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BackupAndRestore(tmp).saveFreq(0));
    assertThrows(IllegalArgumentException.class, () -> new BackupAndRestore(""));
  }
}

package io.keras4j.callbacks;

import io.keras4j.internal.AtomicWrite;
import io.keras4j.internal.Json;
import io.keras4j.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backs up the training state so that a {@code fit} interrupted (killed) can be started again and
 * go on where it stopped, as Keras 3's {@code keras.callbacks.BackupAndRestore}. At the end of each
 * epoch (or every {@code saveFreq} batches) the weights and the optimizer's state are saved in
 * {@code backupDir} with the position reached; a new {@code fit} with this callback loads them in
 * {@code onTrainBegin} and starts at that epoch. When {@code fit} completes, the backup is deleted
 * (unless {@code deleteCheckpoint(false)}).
 *
 * <p>Beyond Keras (which restarts a backup made mid-epoch at the start of that epoch), a backup
 * made every N batches resumes at the batch after the last one saved: the skipped epochs' shuffles
 * are replayed and the batches already trained on are skipped (see {@link ResumePoint}). The same
 * program with the same seeds then ends with the weights of an uninterrupted run. Limits: the state
 * of random layers (Dropout's seed generators) is not saved, so a model with them resumes with
 * other masks; the metrics of a resumed epoch average only the batches trained after resuming.
 *
 * <p>Files in {@code backupDir}: {@code training_metadata.json} ({@code {"epoch": e, "batch": b,
 * "step": s, "weights": name}}, Keras's two fields and keras4j's) and the weights file it names.
 * Each save writes a new weights file, then the metadata (atomically), then deletes the old weights
 * file: a kill at any moment leaves a metadata file naming a complete weights file.
 */
public class BackupAndRestore extends Callback implements ResumePoint {
  static final String METADATA = "training_metadata.json";

  private final Path backupDir;
  private final Path metadataPath;
  private int saveFreq; // 0: every epoch
  private boolean deleteCheckpoint = true;

  private int currentEpoch;
  private final BatchSaveCounter batchCount = new BatchSaveCounter();
  private int resumeEpoch = -1;
  private int resumeStep;
  private String weightsName;

  /** Backs up into {@code backupDir} at the end of every epoch. */
  public BackupAndRestore(Path backupDir) {
    if (backupDir == null) {
      throw new IllegalArgumentException(
          "Empty `backup_dir` argument passed. Received: backupDir=null");
    }
    this.backupDir = backupDir;
    this.metadataPath = backupDir.resolve(METADATA);
  }

  /** Backs up into {@code backupDir} at the end of every epoch. */
  public BackupAndRestore(String backupDir) {
    this(backupDir == null || backupDir.isEmpty() ? null : Path.of(backupDir));
  }

  /** "epoch" (the default): back up at the end of every epoch. */
  public BackupAndRestore saveFreq(String saveFreq) {
    if (!"epoch".equals(saveFreq)) {
      throw invalidSaveFreq(saveFreq);
    }
    this.saveFreq = 0;
    return this;
  }

  /** Back up every {@code batches} batches (and not at epoch ends). */
  public BackupAndRestore saveFreq(int batches) {
    if (batches <= 0) {
      throw invalidSaveFreq(batches);
    }
    this.saveFreq = batches;
    return this;
  }

  private static IllegalArgumentException invalidSaveFreq(Object v) {
    return new IllegalArgumentException(
        "Invalid value for argument `save_freq`. Received: save_freq="
            + v
            + ". Expected either 'epoch' or a positive integer value.");
  }

  /** Delete the backup when fit completes (default true). */
  public BackupAndRestore deleteCheckpoint(boolean delete) {
    this.deleteCheckpoint = delete;
    return this;
  }

  public Path backupDir() {
    return backupDir;
  }

  @Override
  public int initialEpoch() {
    return resumeEpoch;
  }

  @Override
  public int initialStep() {
    return resumeEpoch < 0 ? 0 : resumeStep;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    Model m = model();
    if (!m.isBuilt()) {
      throw new IllegalStateException(
          "To use the BackupAndRestore callback, your model must be built before you call"
              + " `fit()`. Model "
              + m.name()
              + " is unbuilt. You can build it beforehand by calling it on a batch of data.");
    }
    resumeEpoch = -1;
    resumeStep = 0;
    currentEpoch = 0;
    batchCount.reset();
    weightsName = null;
    if (!Files.exists(metadataPath)) {
      return;
    }
    Map<String, Object> meta;
    try {
      meta = Json.readObject(Files.readString(metadataPath, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "BackupAndRestore: cannot read the backup " + metadataPath + ": " + e.getMessage(), e);
    }
    int epoch = intField(meta, "epoch", 0);
    int step = intField(meta, "step", 0);
    Object w = meta.get("weights");
    String name = w instanceof String s ? s : "latest.weights.h5";
    Path weights = backupDir.resolve(name);
    if (Files.exists(weights)) {
      m.loadWeights(weights);
    }
    weightsName = name;
    resumeEpoch = epoch;
    resumeStep = step;
    currentEpoch = epoch;
    // The batch counting goes on as in the run that was interrupted.
    batchCount.lastBatch(step > 0 ? step - 1 : 0);
  }

  private int intField(Map<String, Object> meta, String key, int otherwise) {
    Object v = meta.get(key);
    if (v == null) {
      return otherwise;
    }
    if (v instanceof Number n && n.intValue() >= 0) {
      return n.intValue();
    }
    throw new IllegalStateException(
        "BackupAndRestore: the backup " + metadataPath + " has a bad " + key + ". Received: " + v);
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (batchCount.due(batch, saveFreq)) {
      // After an epoch's last batch, the next start is the next epoch's first batch.
      boolean last = params().get("steps") instanceof Number n && batch + 1 >= n.intValue();
      if (last) {
        save(currentEpoch + 1, batch, 0);
      } else {
        save(currentEpoch, batch, batch + 1);
      }
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch + 1;
    batchCount.lastBatch(0);
    if (saveFreq == 0) {
      save(currentEpoch, 0, 0);
    }
  }

  /** Saves the weights and the position: {@code step} batches of {@code epoch} done. */
  private void save(int epoch, int batch, int step) {
    try {
      Files.createDirectories(backupDir);
      String name = "backup-" + epoch + "-" + step + ".weights.h5";
      if (name.equals(weightsName)) {
        name = "backup-" + epoch + "-" + step + "-b.weights.h5";
      }
      model().saveWeights(backupDir.resolve(name));
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("epoch", epoch);
      meta.put("batch", batch);
      meta.put("step", step);
      meta.put("weights", name);
      String text = Json.write(meta);
      AtomicWrite.write(metadataPath, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
      String old = weightsName;
      weightsName = name;
      if (old != null && !old.equals(name)) {
        Files.deleteIfExists(backupDir.resolve(old));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "BackupAndRestore: cannot write the backup in " + backupDir, e);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (deleteCheckpoint && Files.exists(backupDir)) {
      try (Stream<Path> all = Files.walk(backupDir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "BackupAndRestore: cannot delete the backup " + backupDir, e);
      }
    }
    resumeEpoch = -1;
    resumeStep = 0;
  }
}

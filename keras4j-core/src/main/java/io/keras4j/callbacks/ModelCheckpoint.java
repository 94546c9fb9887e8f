package io.keras4j.callbacks;

import io.keras4j.models.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Saves the model (a {@code .keras} file) or its weights (a {@code .weights.h5} file) at the end of
 * every epoch or every {@code saveFreq} batches, as Keras 3's {@code
 * keras.callbacks.ModelCheckpoint}. The file path is a Python format string filled with {@code
 * epoch} (1-based), {@code batch} (1-based, when saving every N batches) and the logs, e.g. {@code
 * "w.{epoch:02d}-{val_loss:.2f}.weights.h5"}. With {@code saveBestOnly} a file is written only when
 * the monitored quantity improves on the best so far (and on {@code initialValueThreshold}).
 *
 * <p>Every save writes a temporary file next to the target and renames it over the target: a
 * process killed while saving leaves the previous complete file (or none), never a partial one.
 */
public class ModelCheckpoint extends Callback {
  private static final Logger LOG = Logger.getLogger(ModelCheckpoint.class.getName());

  private final String filepath;
  private final Monitor monitor;
  private int verbose;
  private boolean saveBestOnly;
  private boolean saveWeightsOnly;
  private int saveFreq; // 0: every epoch
  private Double initialValueThreshold;

  private double best;
  private int currentEpoch;
  private final BatchSaveCounter batchCount = new BatchSaveCounter();

  /**
   * Saves to {@code filepath} (a format string ending in {@code .keras}), monitoring "val_loss".
   */
  public ModelCheckpoint(String filepath) {
    if (filepath == null || filepath.isEmpty()) {
      throw new IllegalArgumentException(
          "ModelCheckpoint: filepath must be a file name. Received: filepath=" + filepath);
    }
    this.filepath = filepath;
    this.monitor = new Monitor("ModelCheckpoint", "val_loss", 0);
    // A weights file name waits for saveWeightsOnly(true); fit checks it was given.
    if (!filepath.endsWith(".weights.h5")) {
      checkSuffix();
    }
  }

  /** Saves to {@code filepath}. */
  public ModelCheckpoint(Path filepath) {
    this(filepath == null ? null : filepath.toString());
  }

  /** The quantity to monitor with saveBestOnly (default "val_loss"). */
  public ModelCheckpoint monitor(String name) {
    monitor.monitor(name);
    return this;
  }

  /** 1 prints a message at each save (and, with saveBestOnly, when nothing improves). */
  public ModelCheckpoint verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  /** Save only when the monitored quantity improves (default false). */
  public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
    this.saveBestOnly = saveBestOnly;
    return this;
  }

  /** Save the weights ({@code .weights.h5}) instead of the whole model (default false). */
  public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
    this.saveWeightsOnly = saveWeightsOnly;
    checkSuffix();
    return this;
  }

  /** "auto" (default: direction from the name), "min" or "max". */
  public ModelCheckpoint mode(String mode) {
    monitor.mode(mode);
    return this;
  }

  /** "epoch" (the default): save at the end of every epoch. */
  public ModelCheckpoint saveFreq(String saveFreq) {
    if (!"epoch".equals(saveFreq)) {
      throw badSaveFreq(saveFreq);
    }
    this.saveFreq = 0;
    return this;
  }

  /** Save every {@code batches} batches (counted across epochs), not at epoch ends. */
  public ModelCheckpoint saveFreq(int batches) {
    if (batches <= 0) {
      throw badSaveFreq(batches);
    }
    this.saveFreq = batches;
    return this;
  }

  private static IllegalArgumentException badSaveFreq(Object v) {
    return new IllegalArgumentException(
        "Unrecognized save_freq: " + v + ". Expected save_freq are 'epoch' or integer values");
  }

  /** With saveBestOnly: the value the monitored quantity must first improve on. */
  public ModelCheckpoint initialValueThreshold(double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException(
          "ModelCheckpoint: initialValueThreshold must be a number. Received: NaN");
    }
    this.initialValueThreshold = threshold;
    return this;
  }

  /** The best monitored value so far (the threshold, or infinity, before any). */
  public double best() {
    return best;
  }

  private void checkSuffix() {
    if (saveWeightsOnly) {
      if (!filepath.endsWith(".weights.h5")) {
        throw new IllegalArgumentException(
            "When using `saveWeightsOnly(true)` in `ModelCheckpoint`, the filepath provided must"
                + " end in `.weights.h5` (Keras weights format). Received: filepath="
                + filepath);
      }
    } else if (!filepath.endsWith(".keras")) {
      throw new IllegalArgumentException(
          "The filepath provided must end in `.keras` (Keras model format). Received: filepath="
              + filepath);
    }
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    checkSuffix();
    monitor.resolve();
    best = initialValueThreshold != null ? initialValueThreshold : worst();
    batchCount.reset();
  }

  /** +inf when minimizing, -inf when maximizing: anything improves on it. */
  private double worst() {
    return monitor.isImprovement(0, Double.POSITIVE_INFINITY)
        ? Double.POSITIVE_INFINITY
        : Double.NEGATIVE_INFINITY;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (batchCount.due(batch, saveFreq)) {
      saveModel(currentEpoch, batch, logs);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveFreq == 0) {
      saveModel(epoch, null, logs);
    }
  }

  private void saveModel(int epoch, Integer batch, Map<String, Double> logs) {
    Map<String, Double> l = logs == null ? Map.of() : logs;
    Path file = Path.of(filePath(epoch, batch, l));
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new UncheckedIOException(
          new IOException(
              "Please specify a non-directory filepath for ModelCheckpoint. Filepath used is an"
                  + " existing directory: "
                  + file));
    }
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("ModelCheckpoint: cannot create the directory " + dir, e);
    }
    if (!saveBestOnly) {
      if (verbose > 0) {
        printMsg("\nEpoch " + (epoch + 1) + ": saving model to " + file);
      }
      write(file);
      return;
    }
    Double current =
        monitor.value(l, LOG, "Can save best model only with {monitor} available, skipping.");
    if (current == null) {
      return;
    }
    if (monitor.isImprovement(current, best)) {
      if (verbose > 0) {
        printMsg(
            "\nEpoch "
                + (epoch + 1)
                + ": "
                + monitor.monitor
                + " improved from "
                + five(best)
                + " to "
                + five(current)
                + ", saving model to "
                + file);
      }
      best = current;
      write(file);
    } else if (verbose > 0) {
      printMsg(
          "\nEpoch "
              + (epoch + 1)
              + ": "
              + monitor.monitor
              + " did not improve from "
              + five(best));
    }
  }

  private static String five(double v) {
    return PyFormat.formatValue(v, ".5f");
  }

  private void write(Path file) {
    Model m = model();
    if (saveWeightsOnly) {
      m.saveWeights(file);
    } else {
      m.save(file);
    }
  }

  /** Keras's {@code _get_file_path}: the name with epoch and batch 1-based, and the logs. */
  String filePath(int epoch, Integer batch, Map<String, Double> logs) {
    Map<String, Object> values = new TreeMap<>(logs);
    values.put("epoch", epoch + 1);
    if (batch != null && !logs.containsKey("batch")) {
      values.put("batch", batch + 1);
    }
    try {
      return PyFormat.format(filepath, values);
    } catch (PyFormat.MissingKeyException e) {
      throw new IllegalArgumentException(
          "Failed to format this callback filepath: \""
              + filepath
              + "\". Reason: "
              + e.getMessage()
              + String.format(Locale.ROOT, " (available: %s)", String.join(", ", values.keySet())),
          e);
    }
  }
}

package io.keras4j.callbacks;

import io.keras4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Stops training when the monitored quantity stops improving, as Keras's {@code
 * keras.callbacks.EarlyStopping}. At each epoch end the wait counter grows, and is reset when the
 * value improves on the best by more than {@code minDelta} (and on the {@code baseline}, if given);
 * once it reaches {@code patience} the model is asked to stop. With {@code restoreBestWeights} the
 * weights of the best epoch are put back when training ends.
 */
public class EarlyStopping extends Callback {
  private static final Logger LOG = Logger.getLogger(EarlyStopping.class.getName());

  private final Monitor monitor;
  private int patience;
  private int verbose;
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch;

  private int wait;
  private int stoppedEpoch;
  private double best;
  private boolean hasBest;
  private List<Tensor> bestWeights;
  private int bestEpoch;

  /** Monitors "val_loss". */
  public EarlyStopping() {
    this("val_loss");
  }

  /** Monitors the given quantity, e.g. "val_accuracy". */
  public EarlyStopping(String monitor) {
    this.monitor = new Monitor("EarlyStopping", monitor, 0);
  }

  /** The quantity to monitor (default "val_loss"). */
  public EarlyStopping monitor(String name) {
    monitor.monitor(name);
    return this;
  }

  /** "auto" (default: direction from the name), "min" or "max". */
  public EarlyStopping mode(String mode) {
    monitor.mode(mode);
    return this;
  }

  /** The smallest change that counts as an improvement (its absolute value; default 0). */
  public EarlyStopping minDelta(double minDelta) {
    monitor.minDelta(minDelta);
    return this;
  }

  /** Epochs without improvement before stopping (default 0). */
  public EarlyStopping patience(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException(
          "EarlyStopping: patience must be >= 0. Received: patience=" + patience);
    }
    this.patience = patience;
    return this;
  }

  /** 1 prints a message when stopping and when restoring weights (default 0). */
  public EarlyStopping verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  /** A value the monitored quantity must improve on for the wait counter to reset. */
  public EarlyStopping baseline(double baseline) {
    if (Double.isNaN(baseline)) {
      throw new IllegalArgumentException(
          "EarlyStopping: baseline must be a number. Received: baseline=NaN");
    }
    this.baseline = baseline;
    return this;
  }

  /** Restore the weights of the best epoch at the end of training (default false). */
  public EarlyStopping restoreBestWeights(boolean restore) {
    this.restoreBestWeights = restore;
    return this;
  }

  /** Epochs to let pass before monitoring starts (default 0). */
  public EarlyStopping startFromEpoch(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException(
          "EarlyStopping: startFromEpoch must be >= 0. Received: startFromEpoch=" + epochs);
    }
    this.startFromEpoch = epochs;
    return this;
  }

  /** Epochs since the last improvement. */
  public int waitCount() {
    return wait;
  }

  /** The epoch (0-based) at which training was stopped, or 0 if it was not. */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The best monitored value so far, or NaN before the first. */
  public double best() {
    return hasBest ? best : Double.NaN;
  }

  /** The epoch (0-based) of the best value. */
  public int bestEpoch() {
    return bestEpoch;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    wait = 0;
    stoppedEpoch = 0;
    hasBest = false;
    bestWeights = null;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    monitor.resolve();
    Double current =
        monitor.value(
            logs,
            LOG,
            "Early stopping conditioned on metric `{monitor}` which is not available."
                + " Available metrics are: {keys}");
    if (current == null || epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null) {
      // Weights to fall back on even if no epoch ever improves on the baseline.
      bestWeights = model().getWeights();
      bestEpoch = epoch;
    }
    wait++;
    if (!hasBest || monitor.isImprovement(current, best)) {
      best = current;
      hasBest = true;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model().getWeights();
      }
      if (baseline == null || monitor.isImprovement(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model().stopTraining(true);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (stoppedEpoch > 0 && verbose > 0) {
      printMsg("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (restoreBestWeights && bestWeights != null) {
      if (verbose > 0) {
        printMsg(
            "Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      }
      model().setWeights(bestWeights);
    }
  }
}

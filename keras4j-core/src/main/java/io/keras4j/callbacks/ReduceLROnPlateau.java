package io.keras4j.callbacks;

import io.keras4j.optimizers.Optimizer;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Multiplies the learning rate by {@code factor} when the monitored quantity has not improved for
 * {@code patience} epochs, as Keras's {@code keras.callbacks.ReduceLROnPlateau}; then waits {@code
 * cooldown} epochs before counting again, and never goes below {@code minLr}. At each epoch end it
 * writes the optimizer's current rate into the logs as "learning_rate" (before any reduction), so
 * the History and the progress bar show it.
 */
public class ReduceLROnPlateau extends Callback {
  private static final Logger LOG = Logger.getLogger(ReduceLROnPlateau.class.getName());

  private final Monitor monitor;
  private double factor = 0.1;
  private int patience = 10;
  private int verbose;
  private int cooldown;
  private double minLr;

  private int cooldownCounter;
  private int wait;
  private double best;
  private boolean hasBest;

  /** Monitors "val_loss". */
  public ReduceLROnPlateau() {
    this("val_loss");
  }

  /** Monitors the given quantity. */
  public ReduceLROnPlateau(String monitor) {
    this.monitor = new Monitor("ReduceLROnPlateau", monitor, 1e-4);
  }

  /** The quantity to monitor (default "val_loss"). */
  public ReduceLROnPlateau monitor(String name) {
    monitor.monitor(name);
    return this;
  }

  /** New rate = rate * factor; must be below 1 (default 0.1). */
  public ReduceLROnPlateau factor(double factor) {
    if (!(factor < 1.0)) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: factor must be < 1.0 (ReduceLROnPlateau does not support a factor"
              + " >= 1.0). Received: factor="
              + factor);
    }
    this.factor = factor;
    return this;
  }

  /** Epochs without improvement before reducing (default 10). */
  public ReduceLROnPlateau patience(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: patience must be >= 0. Received: patience=" + patience);
    }
    this.patience = patience;
    return this;
  }

  /** 1 prints a message at each reduction (default 0). */
  public ReduceLROnPlateau verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  /** "auto" (default: direction from the name), "min" or "max". */
  public ReduceLROnPlateau mode(String mode) {
    monitor.mode(mode);
    return this;
  }

  /** The smallest change that counts as an improvement (default 1e-4). */
  public ReduceLROnPlateau minDelta(double minDelta) {
    monitor.minDelta(minDelta);
    return this;
  }

  /** Epochs to wait after a reduction before counting again (default 0). */
  public ReduceLROnPlateau cooldown(int cooldown) {
    if (cooldown < 0) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: cooldown must be >= 0. Received: cooldown=" + cooldown);
    }
    this.cooldown = cooldown;
    return this;
  }

  /** The lowest learning rate (default 0). */
  public ReduceLROnPlateau minLr(double minLr) {
    if (!(minLr >= 0)) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau: minLr must be >= 0. Received: minLr=" + minLr);
    }
    this.minLr = minLr;
    return this;
  }

  /** Epochs without improvement counted so far. */
  public int waitCount() {
    return wait;
  }

  /** Whether the callback is in its cooldown after a reduction. */
  public boolean inCooldown() {
    return cooldownCounter > 0;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    hasBest = false;
    cooldownCounter = 0;
    wait = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    monitor.resolve();
    Optimizer optimizer = optimizer();
    if (logs != null) {
      logs.put("learning_rate", optimizer.learningRate());
    }
    Double current =
        monitor.value(
            logs,
            LOG,
            "Learning rate reduction is conditioned on metric `{monitor}` which is not"
                + " available. Available metrics are: {keys}.");
    if (current == null) {
      return;
    }
    if (inCooldown()) {
      cooldownCounter--;
      wait = 0;
    }
    if (!hasBest || monitor.isImprovement(current, best)) {
      best = current;
      hasBest = true;
      wait = 0;
    } else if (!inCooldown()) {
      wait++;
      if (wait >= patience && reduce(optimizer, epoch)) {
        cooldownCounter = cooldown;
        wait = 0;
      }
    }
  }

  private boolean reduce(Optimizer optimizer, int epoch) {
    double oldLr = optimizer.learningRate();
    // Keras compares with min_lr as a float32.
    if (oldLr > (float) minLr) {
      double newLr = Math.max(oldLr * factor, minLr);
      optimizer.setLearningRate(newLr);
      if (verbose > 0) {
        printMsg(
            "\nEpoch "
                + (epoch + 1)
                + ": ReduceLROnPlateau reducing learning rate to "
                + PyFormat.repr(newLr)
                + ".");
      }
      return true;
    }
    return false;
  }

  private Optimizer optimizer() {
    Optimizer o = model() == null ? null : model().optimizer();
    if (o == null) {
      throw new IllegalStateException(
          "ReduceLROnPlateau: the model has no optimizer; compile it before fit. Received: model="
              + (model() == null ? "null" : model().name()));
    }
    return o;
  }
}

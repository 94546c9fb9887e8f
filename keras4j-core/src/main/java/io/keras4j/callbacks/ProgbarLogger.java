package io.keras4j.callbacks;

import io.keras4j.utils.Progbar;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Prints the progress of {@code fit}, {@code evaluate} and {@code predict}, as Keras's {@code
 * keras.callbacks.ProgbarLogger}: an {@code Epoch 3/10} line when there is more than one epoch,
 * then a {@link Progbar} per epoch whose values are shown as the trainer gives them (they are
 * already running means). Verbose 1 draws the bar at every batch, verbose 2 one line per epoch,
 * verbose 0 nothing. Inside {@code fit} the validation pass is not drawn; its results appear in the
 * epoch's last line.
 */
public class ProgbarLogger extends Callback {
  private final PrintStream out;
  private final LongSupplier nanoTime;
  private Boolean dynamicDisplay; // null: decided by Progbar (terminal or not)
  private Boolean plainText; // null: decided by Progbar (terminal or not)
  private int seen;
  private Progbar progbar;
  private int target = Progbar.UNKNOWN;
  private int verbose = 1;
  private int epochs = 1;
  private boolean calledInFit;

  /** Prints to System.out. */
  public ProgbarLogger() {
    this(System.out);
  }

  /** Prints to {@code out}. */
  public ProgbarLogger(PrintStream out) {
    this(out, System::nanoTime);
  }

  /** Prints to {@code out}, reading time (in nanoseconds) from {@code nanoTime}. */
  public ProgbarLogger(PrintStream out, LongSupplier nanoTime) {
    if (out == null || nanoTime == null) {
      throw new IllegalArgumentException(
          "ProgbarLogger: out and nanoTime must not be null. Received: out="
              + out
              + ", nanoTime="
              + nanoTime);
    }
    this.out = out;
    this.nanoTime = nanoTime;
    output(out);
  }

  /** Forces in-place updates (true) or one line per update (false) instead of detecting it. */
  public ProgbarLogger dynamicDisplay(boolean dynamic) {
    this.dynamicDisplay = dynamic;
    return this;
  }

  /**
   * Plain text without ANSI codes (true) or Keras's bold and coloured bar (false) instead of
   * detecting it (plain unless System.out is a terminal).
   */
  public ProgbarLogger plainText(boolean plain) {
    this.plainText = plain;
    return this;
  }

  /** Reads "verbose" ("auto" means 1), "epochs" and "steps" (missing or null: unknown). */
  @Override
  public void setParams(Map<String, Object> params) {
    super.setParams(params);
    Object v = params.get("verbose");
    if (v instanceof Number n && n.intValue() >= 0 && n.intValue() <= 2) {
      verbose = n.intValue();
    } else if ("auto".equals(v)) {
      verbose = 1;
    } else if (v != null) {
      throw new IllegalArgumentException(
          "ProgbarLogger: params verbose must be 0, 1, 2 or \"auto\". Received: verbose=" + v);
    }
    if (params.get("epochs") instanceof Number n) {
      epochs = n.intValue();
    }
    target = params.get("steps") instanceof Number n ? n.intValue() : Progbar.UNKNOWN;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    calledInFit = true;
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    if (!calledInFit) {
      resetProgbar();
      maybeInitProgbar();
    }
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    resetProgbar();
    maybeInitProgbar();
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    resetProgbar();
    maybeInitProgbar();
    if (verbose != 0 && epochs > 1) {
      printMsg("Epoch " + (epoch + 1) + "/" + epochs);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    updateProgbar(batch, logs);
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    if (!calledInFit) {
      updateProgbar(batch, logs);
    }
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    updateProgbar(batch, null);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    finalizeProgbar(logs);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    if (!calledInFit) {
      finalizeProgbar(logs);
    }
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    finalizeProgbar(logs);
  }

  private void resetProgbar() {
    seen = 0;
    progbar = null;
  }

  private void maybeInitProgbar() {
    if (progbar == null) {
      progbar =
          new Progbar(target, out, nanoTime)
              .verbose(verbose)
              .unitName("step")
              .statelessMetrics(Set.of());
      if (dynamicDisplay != null) {
        progbar.dynamicDisplay(dynamicDisplay);
      }
      if (plainText != null) {
        progbar.plainText(plainText);
      }
    }
  }

  private void updateProgbar(int batch, Map<String, Double> logs) {
    maybeInitProgbar();
    seen = batch + 1; // one-based
    if (verbose == 1) {
      progbar.update(seen, logs, false);
    }
  }

  private void finalizeProgbar(Map<String, Double> logs) {
    maybeInitProgbar();
    if (target == Progbar.UNKNOWN) {
      target = seen;
      progbar.target(target);
    }
    progbar.update(target, logs, true);
  }
}

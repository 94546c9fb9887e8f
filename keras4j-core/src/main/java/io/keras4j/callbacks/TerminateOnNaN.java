package io.keras4j.callbacks;

import java.util.Map;

/**
 * Stops training when a batch's loss is NaN or infinite, as Keras's {@code
 * keras.callbacks.TerminateOnNaN}: by default it prints {@code Batch 12: Invalid loss, terminating
 * training} and asks the model to stop (so every callback still sees the end of training); with
 * {@code raiseError} it throws at once instead.
 */
public class TerminateOnNaN extends Callback {
  private boolean raiseError;

  /** Stops gracefully. */
  public TerminateOnNaN() {}

  /** Throws an {@link IllegalStateException} instead of stopping gracefully when true. */
  public TerminateOnNaN(boolean raiseError) {
    this.raiseError = raiseError;
  }

  /** Throw at once (true) instead of asking the model to stop (default false). */
  public TerminateOnNaN raiseError(boolean raise) {
    this.raiseError = raise;
    return this;
  }

  @Override
  public void onBatchEnd(int batch, Map<String, Double> logs) {
    Double loss = logs == null ? null : logs.get("loss");
    if (loss != null && (loss.isNaN() || loss.isInfinite())) {
      if (raiseError) {
        throw new IllegalStateException(
            "NaN or Inf loss encountered at batch "
                + batch
                + ". Loss value: "
                + PyFormat.repr(loss)
                + ". Terminating training immediately.");
      }
      printMsg("Batch " + batch + ": Invalid loss, terminating training");
      model().stopTraining(true);
    }
  }
}

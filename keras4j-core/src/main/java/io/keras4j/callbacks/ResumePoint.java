package io.keras4j.callbacks;

/**
 * A callback that tells {@code fit} where to start, as Keras 3's callbacks set {@code
 * model._initial_epoch} in {@code on_train_begin}: {@code fit} asks every callback implementing
 * this interface right after {@code onTrainBegin}; the last one with an epoch {@code >= 0} wins.
 *
 * <p>{@code fit} then starts at {@link #initialEpoch()}, replaying the shuffles of the epochs it
 * skips (those after the {@code initialEpoch} of the FitOptions), and within that epoch skips the
 * first {@link #initialStep()} batches without training on them, so that the remaining batches are
 * those an uninterrupted run would have seen. {@link BackupAndRestore} is one.
 */
public interface ResumePoint {
  /** The epoch (0-based) at which fit starts, or -1 to leave the FitOptions' initialEpoch. */
  int initialEpoch();

  /** The batches of {@link #initialEpoch()} already trained on (skipped on resuming). */
  default int initialStep() {
    return 0;
  }
}

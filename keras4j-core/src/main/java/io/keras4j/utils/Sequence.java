package io.keras4j.utils;

import io.keras4j.models.StepData;

/**
 * A dataset that produces whole batches on demand, as Keras 3's {@code keras.utils.PyDataset}
 * (alias {@code keras.utils.Sequence}): {@link #length()} batches per epoch, {@link #get(int)} one
 * batch ({@code x}, {@code y} and optional sample weights, as a {@link StepData}), {@link
 * #onEpochEnd()} between epochs. {@code model.fit(sequence)}, {@code evaluate} and {@code predict}
 * read it.
 *
 * <p>They read it on background threads: {@link #workers(int)} daemon threads (default 1) produce
 * up to {@link #maxQueueSize(int)} batches (default 10) ahead of the one the model is working on,
 * delivered in order; so loading or augmenting the next batches overlaps with training on this one.
 * {@code get} may therefore run on several threads at once (with {@code workers > 1}) and must not
 * change shared state; it is never called while {@code onEpochEnd} runs. An exception thrown by
 * {@code get} is rethrown by {@code fit} naming the batch index; the threads stop when {@code fit}
 * returns or throws. {@code workers(0)} produces each batch on the caller's thread, when it is
 * needed.
 *
 * <pre>{@code
 * class Batches extends Sequence {
 *   public int length() { return (n + 31) / 32; }
 *   public StepData get(int i) { return StepData.of(loadImages(i), labels(i)); }
 * }
 * model.fit(new Batches().workers(2), new FitOptions().epochs(5));
 * }</pre>
 *
 * <p>{@code fit}'s {@code shuffle} (default true) shuffles the order of the batches each epoch, as
 * Keras does for a {@code PyDataset}; the rows inside a batch are {@code get}'s business.
 */
public abstract class Sequence {
  private int workers = 1;
  private int maxQueueSize = 10;

  /** The number of batches in an epoch (Keras's {@code __len__}). */
  public abstract int length();

  /**
   * The batch at {@code index} in {@code [0, length())} (Keras's {@code __getitem__}): its inputs,
   * its targets (none for {@code predict}) and optional sample weights.
   */
  public abstract StepData get(int index);

  /**
   * Called at the end of every epoch (of {@code fit}, and after {@code evaluate}/{@code predict}).
   */
  public void onEpochEnd() {}

  /**
   * The number of background threads producing batches (Keras's {@code workers}); 0 produces them
   * on the caller's thread.
   */
  public Sequence workers(int workers) {
    if (workers < 0) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + ": workers must be >= 0. Received: workers=" + workers);
    }
    this.workers = workers;
    return this;
  }

  /** How many batches may be produced ahead of the one in use (Keras's {@code max_queue_size}). */
  public Sequence maxQueueSize(int maxQueueSize) {
    if (maxQueueSize < 1) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + ": maxQueueSize must be >= 1. Received: maxQueueSize="
              + maxQueueSize);
    }
    this.maxQueueSize = maxQueueSize;
    return this;
  }

  public int workers() {
    return workers;
  }

  public int maxQueueSize() {
    return maxQueueSize;
  }
}

package io.keras4j.trainers;

import io.keras4j.Tensor;
import java.util.List;

/**
 * Where the loops' batches come from (Keras's data adapter behind its epoch iterator): {@link
 * Batches} cuts tensors, {@link SequenceBatches} reads a {@link io.keras4j.utils.Sequence} on
 * background threads. {@code fit}, {@code evaluate} and {@code predict} run the same loop over
 * either.
 */
interface BatchSource extends AutoCloseable {
  /** {@link #stepsPerPass()} of a source that learns its length only at the end of a pass. */
  int UNKNOWN_STEPS = -1;

  /**
   * Batches in one pass over the data, or {@link #UNKNOWN_STEPS} until a first pass has ended (a
   * generator or a file read as it goes: the loops then ask {@link #hasNext()}, as Keras runs the
   * first epoch of such data until it is used up).
   */
  int stepsPerPass();

  /** Whether the current pass has another batch; asked only while the steps are unknown. */
  default boolean hasNext() {
    return true;
  }

  /** Starts a new pass (reshuffling when asked). */
  void newPass();

  /** The next batch; a new pass starts when the current one is used up. */
  Batches.Batch next();

  /**
   * The inputs of a first batch, to build a model that has no graph yet before the first step
   * (called only then).
   */
  List<Tensor> firstInputs();

  /** The end of an epoch of the loop (a Sequence's {@code onEpochEnd}). */
  default void epochEnd() {}

  /** Stops whatever produces the batches (no thread is left running). */
  @Override
  default void close() {}
}

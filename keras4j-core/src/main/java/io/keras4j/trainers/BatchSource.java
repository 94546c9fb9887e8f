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
  /** Batches in one pass over the data. */
  int stepsPerPass();

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

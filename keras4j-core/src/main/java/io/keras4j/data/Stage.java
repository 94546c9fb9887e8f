package io.keras4j.data;

/**
 * One stage of a streaming {@link Dataset}: a source (no upstream) or a transformation of its
 * upstream's elements. Stages are immutable except a {@code cache}'s filled elements; each {@link
 * #open} starts an independent pass.
 */
abstract class Stage {
  static final long INFINITE = -1;
  static final long UNKNOWN = -2;

  final Stage upstream;

  Stage(Stage upstream) {
    this.upstream = upstream;
  }

  /**
   * A new pass over the elements.
   *
   * @param pass the number of this pass (0, 1, ...): a shuffle reshuffles with a seed derived from
   *     it, a repeat gives each repetition its own number
   */
  abstract DatasetIterator open(long pass);

  /** The number of elements, {@link #INFINITE} or {@link #UNKNOWN}. */
  abstract long cardinality();

  /** Whether elements are batches (TRUE), single samples (FALSE) or not known (null). */
  Boolean batched() {
    return upstream == null ? null : upstream.batched();
  }

  /** This stage's call, e.g. {@code batch(32)}. */
  abstract String name();

  /** The pipeline up to this stage, e.g. {@code fromGenerator -> map -> batch(32)}. */
  final String describe() {
    return upstream == null ? name() : upstream.describe() + " -> " + name();
  }

  /** A failure of this stage on element {@code index} (0-based, of this pass). */
  final DatasetException failure(long index, Throwable cause) {
    if (cause instanceof DatasetException d) {
      return d;
    }
    return new DatasetException(
        "Dataset stage "
            + name()
            + " failed on element "
            + index
            + " (pipeline: "
            + describe()
            + "): "
            + cause,
        cause);
  }
}

package io.keras4j.utils;

/**
 * A {@link Sequence}'s {@code get} failed while {@code fit}, {@code evaluate} or {@code predict}
 * read it (on a background thread): rethrown on the caller's thread, naming the batch index, with
 * the original exception as its cause.
 */
public final class SequenceException extends RuntimeException {
  private final int batchIndex;

  public SequenceException(String message, int batchIndex, Throwable cause) {
    super(message, cause);
    this.batchIndex = batchIndex;
  }

  /** The index given to {@link Sequence#get(int)}. */
  public int batchIndex() {
    return batchIndex;
  }
}

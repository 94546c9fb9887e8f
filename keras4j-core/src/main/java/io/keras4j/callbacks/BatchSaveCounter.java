package io.keras4j.callbacks;

/**
 * Keras's {@code _should_save_on_batch}, shared by {@link ModelCheckpoint} and {@link
 * BackupAndRestore}: batches counted across epochs (a batch number at or below the last one seen
 * starts a new epoch), a save due every {@code saveFreq} of them.
 */
final class BatchSaveCounter {
  private int seenSinceSave;
  private int lastBatch;

  /** A new fit: nothing counted. */
  void reset() {
    seenSinceSave = 0;
    lastBatch = 0;
  }

  /** The last batch seen, e.g. at an epoch's end or where a resumed run goes on. */
  void lastBatch(int batch) {
    lastBatch = batch;
  }

  /** Counts {@code batch}; true when {@code saveFreq} batches (> 0) have passed since a save. */
  boolean due(int batch, int saveFreq) {
    if (saveFreq == 0) {
      return false;
    }
    seenSinceSave += batch <= lastBatch ? batch + 1 : batch - lastBatch;
    lastBatch = batch;
    if (seenSinceSave >= saveFreq) {
      seenSinceSave = 0;
      return true;
    }
    return false;
  }
}

package io.keras4j.spark;

import java.io.Serializable;

/**
 * Which worker reads which sample: the samples, in their order (index 0 to {@code total-1}), are
 * cut into global batches of {@code globalBatch} (the last one shorter), and each global batch into
 * {@code workers} contiguous near-equal shares, worker {@code k} taking positions {@code
 * [floor(k*b/workers), floor((k+1)*b/workers))} of a batch of {@code b}. So the union of the
 * workers' local batches of step {@code s} is exactly global batch {@code s} of a single-machine
 * fit without shuffling.
 */
record BatchPlan(long total, int globalBatch, int workers) implements Serializable {
  BatchPlan {
    if (workers < 1) {
      throw new IllegalArgumentException(
          "SparkTrainer: numWorkers must be positive. Received: numWorkers=" + workers);
    }
    if (globalBatch < workers) {
      throw new IllegalArgumentException(
          "SparkTrainer: the global batch size must be at least the number of workers ("
              + workers
              + ") so that every worker has a share of it. Received: batchSize="
              + globalBatch);
    }
    if (total < workers) {
      throw new IllegalArgumentException(
          "SparkTrainer: fewer samples than workers. Received: "
              + total
              + " samples for "
              + workers
              + " workers");
    }
  }

  /** Steps per epoch: global batches, the last one possibly shorter. */
  int steps() {
    return (int) ((total + globalBatch - 1) / globalBatch);
  }

  /** The size of global batch {@code step}. */
  int globalSize(int step) {
    long from = (long) step * globalBatch;
    return (int) Math.min(globalBatch, total - from);
  }

  /** Where worker {@code rank}'s share of a batch of {@code b} starts. */
  private int shareStart(int b, int rank) {
    return (int) ((long) b * rank / workers);
  }

  /** The number of samples worker {@code rank} reads at {@code step}. */
  int localSize(int step, int rank) {
    int b = globalSize(step);
    return shareStart(b, rank + 1) - shareStart(b, rank);
  }

  /** The worker that reads sample {@code index}. */
  int workerOf(long index) {
    int step = (int) (index / globalBatch);
    int b = globalSize(step);
    int pos = (int) (index - (long) step * globalBatch);
    int k = (int) ((long) pos * workers / b);
    // pos * workers / b is within one of the answer; settle it with the shares' bounds.
    while (k > 0 && shareStart(b, k) > pos) {
      k--;
    }
    while (k < workers - 1 && shareStart(b, k + 1) <= pos) {
      k++;
    }
    return k;
  }
}

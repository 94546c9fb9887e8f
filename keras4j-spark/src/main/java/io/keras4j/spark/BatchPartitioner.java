package io.keras4j.spark;

import org.apache.spark.Partitioner;

/** Sends sample {@code index} (the key) to the partition of the worker that reads it. */
final class BatchPartitioner extends Partitioner {
  private final BatchPlan plan;

  BatchPartitioner(BatchPlan plan) {
    this.plan = plan;
  }

  @Override
  public int numPartitions() {
    return plan.workers();
  }

  @Override
  public int getPartition(Object key) {
    return plan.workerOf((Long) key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchPartitioner p && p.plan.equals(plan);
  }

  @Override
  public int hashCode() {
    return plan.hashCode();
  }
}

package io.keras4j.spark;

import java.io.Serializable;

/**
 * A fault to inject, for the tests of restarts and timeouts: at the start of {@code step} of {@code
 * epoch}, in stage attempt {@code attempt}, the task of {@code rank} throws (a lost task), stops
 * answering (a hung peer: it sleeps until Spark kills it), or ends its JVM (a lost executor, on a
 * cluster).
 */
record Fault(int attempt, int rank, int epoch, int step, Kind kind) implements Serializable {
  enum Kind {
    THROW,
    HANG,
    EXIT
  }

  boolean matches(int attempt, int rank, int epoch, int step) {
    return this.attempt == attempt && this.rank == rank && this.epoch == epoch && this.step == step;
  }
}

package io.keras4j.models;

import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The keyword arguments of Keras's {@code model.predict(...)}: batch 32, a progress bar. */
public final class PredictOptions {
  private int batchSize = 32;
  private int verbose = 1;
  private Integer steps;
  private final List<Callback> callbacks = new ArrayList<>();

  public PredictOptions batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "predict: batchSize must be positive. Received: batchSize=" + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  /** 0 silent, 1 progress bar, 2 one line at the end. */
  public PredictOptions verbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException(
          "predict: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  /** Number of batches to predict (all when not set). */
  public PredictOptions steps(int steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException(
          "predict: steps must be positive. Received: steps=" + steps);
    }
    this.steps = steps;
    return this;
  }

  public PredictOptions callbacks(Callback... callbacks) {
    this.callbacks.addAll(List.of(callbacks));
    return this;
  }

  public int batchSize() {
    return batchSize;
  }

  public int verbose() {
    return verbose;
  }

  public Integer steps() {
    return steps;
  }

  public List<Callback> callbacks() {
    return Collections.unmodifiableList(callbacks);
  }
}

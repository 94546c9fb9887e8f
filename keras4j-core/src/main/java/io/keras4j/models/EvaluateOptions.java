package io.keras4j.models;

import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The keyword arguments of Keras's {@code model.evaluate(...)} (and of {@code predict}). */
public final class EvaluateOptions {
  private int batchSize = 32;
  private boolean batchSizeSet;
  private int verbose = 1;
  private Tensor sampleWeight;
  private Integer steps;
  private final List<Callback> callbacks = new ArrayList<>();

  public EvaluateOptions batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "batchSize must be positive. Received: batchSize=" + batchSize);
    }
    this.batchSize = batchSize;
    this.batchSizeSet = true;
    return this;
  }

  /** 0 silent, 1 progress bar, 2 one line at the end. */
  public EvaluateOptions verbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("verbose must be 0, 1 or 2. Received: verbose=" + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  public EvaluateOptions sampleWeight(Tensor sampleWeight) {
    this.sampleWeight = sampleWeight;
    return this;
  }

  /** Number of batches to run (all when not set). */
  public EvaluateOptions steps(int steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be positive. Received: steps=" + steps);
    }
    this.steps = steps;
    return this;
  }

  public EvaluateOptions callbacks(Callback... callbacks) {
    this.callbacks.addAll(List.of(callbacks));
    return this;
  }

  public int batchSize() {
    return batchSize;
  }

  public boolean batchSizeSet() {
    return batchSizeSet;
  }

  public int verbose() {
    return verbose;
  }

  public Tensor sampleWeight() {
    return sampleWeight;
  }

  public Integer steps() {
    return steps;
  }

  public List<Callback> callbacks() {
    return Collections.unmodifiableList(callbacks);
  }
}

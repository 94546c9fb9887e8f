package io.keras4j.models;

import io.keras4j.Tensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.data.Dataset;
import io.keras4j.utils.Sequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments of Keras's {@code model.fit(...)}, with Keras's defaults: 1 epoch, batch
 * 32, shuffled every epoch, progress bar.
 */
public final class FitOptions {
  private int epochs = 1;
  private int batchSize = 32;
  private boolean batchSizeSet;
  private int verbose = 1;
  private final List<Callback> callbacks = new ArrayList<>();
  private double validationSplit;
  private Dataset validationData;
  private Sequence validationSequence;
  private boolean shuffle = true;
  private Map<Integer, Double> classWeight;
  private Tensor sampleWeight;
  private int initialEpoch;
  private Integer stepsPerEpoch;
  private Integer validationSteps;
  private Integer validationBatchSize;
  private int validationFreq = 1;

  public FitOptions epochs(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("fit: epochs must be >= 0. Received: epochs=" + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  public FitOptions batchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "fit: batchSize must be positive. Received: batchSize=" + batchSize);
    }
    this.batchSize = batchSize;
    this.batchSizeSet = true;
    return this;
  }

  /** 0 silent, 1 progress bar, 2 one line per epoch. */
  public FitOptions verbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException(
          "fit: verbose must be 0, 1 or 2. Received: verbose=" + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  public FitOptions callbacks(Callback... callbacks) {
    this.callbacks.addAll(List.of(callbacks));
    return this;
  }

  public FitOptions callbacks(List<? extends Callback> callbacks) {
    this.callbacks.addAll(callbacks);
    return this;
  }

  /** The last fraction of the data (taken before shuffling) is held out for validation. */
  public FitOptions validationSplit(double fraction) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "fit: validationSplit must be in [0, 1). Received: validationSplit=" + fraction);
    }
    this.validationSplit = fraction;
    return this;
  }

  public FitOptions validationData(Tensor x, Tensor y) {
    return validationData(Dataset.of(x, y));
  }

  public FitOptions validationData(Tensor x, Tensor y, Tensor sampleWeight) {
    return validationData(Dataset.of(x, y).withSampleWeights(sampleWeight));
  }

  public FitOptions validationData(List<Tensor> x, List<Tensor> y) {
    return validationData(Dataset.of(x, y));
  }

  public FitOptions validationData(Dataset data) {
    this.validationData = data;
    this.validationSequence = null;
    return this;
  }

  /** Validation batches from a Sequence (read on background threads, as the training data). */
  public FitOptions validationData(Sequence data) {
    this.validationSequence = data;
    this.validationData = null;
    return this;
  }

  public FitOptions shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** Weights per class index, applied to each sample by its label (single-output models). */
  public FitOptions classWeight(Map<Integer, Double> classWeight) {
    this.classWeight = new LinkedHashMap<>(classWeight);
    return this;
  }

  /** One weight per training sample. */
  public FitOptions sampleWeight(Tensor sampleWeight) {
    this.sampleWeight = sampleWeight;
    return this;
  }

  /** The epoch to start from (to resume a previous run); epochs counts from zero regardless. */
  public FitOptions initialEpoch(int initialEpoch) {
    if (initialEpoch < 0) {
      throw new IllegalArgumentException(
          "fit: initialEpoch must be >= 0. Received: initialEpoch=" + initialEpoch);
    }
    this.initialEpoch = initialEpoch;
    return this;
  }

  /** Batches per epoch (the data is cycled when it has fewer). */
  public FitOptions stepsPerEpoch(int steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException(
          "fit: stepsPerEpoch must be positive. Received: stepsPerEpoch=" + steps);
    }
    this.stepsPerEpoch = steps;
    return this;
  }

  public FitOptions validationSteps(int steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException(
          "fit: validationSteps must be positive. Received: validationSteps=" + steps);
    }
    this.validationSteps = steps;
    return this;
  }

  public FitOptions validationBatchSize(int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException(
          "fit: validationBatchSize must be positive. Received: validationBatchSize=" + batchSize);
    }
    this.validationBatchSize = batchSize;
    return this;
  }

  /** Validate every {@code freq} epochs. */
  public FitOptions validationFreq(int freq) {
    if (freq <= 0) {
      throw new IllegalArgumentException(
          "fit: validationFreq must be positive. Received: validationFreq=" + freq);
    }
    this.validationFreq = freq;
    return this;
  }

  public int epochs() {
    return epochs;
  }

  public int batchSize() {
    return batchSize;
  }

  /** Whether the batch size was given (a batched Dataset brings its own otherwise). */
  public boolean batchSizeSet() {
    return batchSizeSet;
  }

  public int verbose() {
    return verbose;
  }

  public List<Callback> callbacks() {
    return Collections.unmodifiableList(callbacks);
  }

  public double validationSplit() {
    return validationSplit;
  }

  public Dataset validationData() {
    return validationData;
  }

  /** The validation Sequence, or null (then {@link #validationData()} may give tensors). */
  public Sequence validationSequence() {
    return validationSequence;
  }

  public boolean shuffle() {
    return shuffle;
  }

  public Map<Integer, Double> classWeight() {
    return classWeight;
  }

  public Tensor sampleWeight() {
    return sampleWeight;
  }

  public int initialEpoch() {
    return initialEpoch;
  }

  public Integer stepsPerEpoch() {
    return stepsPerEpoch;
  }

  public Integer validationSteps() {
    return validationSteps;
  }

  public Integer validationBatchSize() {
    return validationBatchSize;
  }

  public int validationFreq() {
    return validationFreq;
  }
}

package io.keras4j.losses;

import io.keras4j.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loss: compares targets with predictions and reduces the per-sample values to a scalar, as
 * Keras's {@code keras.losses.Loss}. Subclasses give the per-sample function in {@link #compute};
 * sample weights, masks and the reduction are applied here.
 *
 * <p>Skeleton: the losses work completes the reduction rules (masks, "mean_with_sample_weight").
 */
public abstract class Loss {
  private String name;
  private String reduction = "sum_over_batch_size";

  protected Loss(String defaultName) {
    this.name = defaultName;
  }

  public String name() {
    return name;
  }

  public Loss name(String name) {
    this.name = name;
    return this;
  }

  public String reduction() {
    return reduction;
  }

  /** One of "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", "none". */
  public Loss reduction(String reduction) {
    this.reduction = reduction;
    return this;
  }

  /** The reduced loss of a batch. */
  public Tensor call(Tensor yTrue, Tensor yPred) {
    return call(yTrue, yPred, null, null);
  }

  /** The reduced loss of a batch, each sample weighted (null: weight 1). */
  public Tensor call(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return call(yTrue, yPred, sampleWeight, null);
  }

  /**
   * The reduced loss of a batch; {@code mask} (1 keep, 0 drop; null: keep all) and {@code
   * sampleWeight} are merged as Keras merges them.
   */
  public Tensor call(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    throw new UnsupportedOperationException("skeleton");
  }

  /** The unreduced values, one per sample (Keras's loss function, e.g. {@code mse}). */
  public abstract Tensor compute(Tensor yTrue, Tensor yPred);

  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("reduction", reduction);
    return c;
  }
}

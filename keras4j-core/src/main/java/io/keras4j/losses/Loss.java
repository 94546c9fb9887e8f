package io.keras4j.losses;

import io.keras4j.Tensor;
import io.keras4j.internal.Naming;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loss: compares targets with predictions and reduces the per-sample values to a scalar, as
 * Keras's {@code keras.losses.Loss}. Subclasses give the per-sample function in {@link #compute};
 * sample weights, masks and the reduction are applied here, with Keras's rules ({@code
 * keras/src/losses/loss.py}): ranks aligned by squeezing or expanding a trailing axis of size 1,
 * the mask merged into the sample weights (rescaled by {@code total / valid} for the "mean" and
 * "sum_over_batch_size" reductions), then a sum divided by the number of values (or by the sum of
 * the weights for "mean_with_sample_weight"; a zero divisor gives 0).
 *
 * <p>Everything is built from ops, so the reduced loss is differentiable under a {@link
 * io.keras4j.ops.GradientTape}.
 */
public abstract class Loss {
  private String name;
  private String reduction = LossReduction.SUM_OVER_BATCH_SIZE;

  protected Loss(String defaultName) {
    this.name = defaultName;
  }

  /**
   * The unreduced values of a loss function and the mask it attaches to them (null: none), as the
   * Keras mask a loss function may set on its result ({@code SparseCategoricalCrossentropy}'s
   * {@code ignoreClass}).
   */
  protected record Values(Tensor values, Tensor mask) {}

  public String name() {
    return name;
  }

  /** The loss's name; null gives Keras's automatic name (the class name in snake_case). */
  public Loss name(String name) {
    this.name = name != null ? name : Naming.uniqueName(Naming.toSnakeCase(className()));
    return this;
  }

  /** The reduction; null stands for Keras's {@code None} (no reduction, as "none"). */
  public String reduction() {
    return reduction;
  }

  /**
   * One of "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", "none" or
   * null (no reduction).
   */
  public Loss reduction(String reduction) {
    this.reduction = LossReduction.standardize(className(), reduction);
    return this;
  }

  /** The Keras class name, e.g. {@code "MeanSquaredError"}; used in configs and messages. */
  public String className() {
    String s = getClass().getSimpleName();
    return s.isEmpty() ? "Loss" : s;
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
   * sampleWeight} are merged as Keras merges them. The mask plays the part of the Keras mask of
   * {@code yPred}: it has the shape of the unreduced values (usually {@code yPred} without its last
   * axis).
   */
  public Tensor call(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    if (yTrue == null || yPred == null) {
      throw new IllegalArgumentException(
          className()
              + ": yTrue and yPred are required. Received: yTrue="
              + (yTrue == null ? "null" : "a tensor")
              + ", yPred="
              + (yPred == null ? "null" : "a tensor"));
    }
    Values v = computeValues(yTrue, yPred);
    Tensor m = LossReduction.mergeMasks(className(), mask, v.mask());
    return LossReduction.reduceWeighted(className(), v.values(), sampleWeight, m, reduction);
  }

  /** The unreduced values, one per sample (Keras's loss function, e.g. {@code mse}). */
  public abstract Tensor compute(Tensor yTrue, Tensor yPred);

  /**
   * The unreduced values with the mask the loss function attaches to them; by default {@link
   * #compute} and no mask.
   */
  protected Values computeValues(Tensor yTrue, Tensor yPred) {
    return new Values(compute(yTrue, yPred), null);
  }

  /** Keras's config: {@code name}, {@code reduction} and the loss's own arguments in snake_case. */
  public Map<String, Object> getConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("reduction", reduction);
    return c;
  }

  @Override
  public String toString() {
    return className() + getConfig();
  }
}

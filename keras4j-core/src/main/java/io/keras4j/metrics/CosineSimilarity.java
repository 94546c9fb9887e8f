package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.CosineSimilarity(name="cosine_similarity", axis=-1)}: the weighted
 * mean over samples of the cosine similarity {@code sum(l2normalize(yTrue) * l2normalize(yPred),
 * axis)}. Unlike the loss of the same name ({@link io.keras4j.losses.CosineSimilarity}, whose
 * values it negates), the metric is positive for aligned vectors: 1 is the best.
 *
 * <p>The config also carries {@code axis}, which Keras's {@code get_config} leaves out; Keras reads
 * it back all the same.
 */
public class CosineSimilarity extends LossMetric {
  private final io.keras4j.losses.CosineSimilarity loss = new io.keras4j.losses.CosineSimilarity();

  /** Named {@code "cosine_similarity"}, along the last axis. */
  public CosineSimilarity() {
    this("cosine_similarity");
  }

  public CosineSimilarity(String name) {
    super(name);
  }

  /** The axis along which the similarity is computed (default -1). */
  public CosineSimilarity axis(int axis) {
    loss.axis(axis);
    return this;
  }

  public int axis() {
    return loss.axis();
  }

  @Override
  public CosineSimilarity name(String name) {
    super.name(name);
    return this;
  }

  /** None, as in Keras: its function is not one of Keras's losses (larger is better here). */
  @Override
  public String direction() {
    return null;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return loss.compute(yTrue, yPred);
  }

  @Override
  Tensor compute(Tensor yTrue, Tensor yPred) {
    return Ops.negative(lossValues(yTrue, yPred));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", loss.axis());
    return c;
  }
}

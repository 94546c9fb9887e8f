package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Map;

/**
 * Keras's {@code
 * keras.metrics.SparseCategoricalCrossentropy(name="sparse_categorical_crossentropy",
 * from_logits=False, ignore_class=None, axis=-1)}: the weighted mean over samples of the
 * cross-entropy of integer labels (see {@link io.keras4j.losses.SparseCategoricalCrossentropy}).
 *
 * <p>Samples labelled {@code ignoreClass} are left out of the mean (their weight becomes 0). Keras
 * does so only when sample weights are given; without them it counts those samples as zeros. Here
 * they are always left out, as the loss does.
 */
public class SparseCategoricalCrossentropy extends LossMetric {
  private final io.keras4j.losses.SparseCategoricalCrossentropy loss =
      new io.keras4j.losses.SparseCategoricalCrossentropy();

  /**
   * Named {@code "sparse_categorical_crossentropy"}, on probabilities, classes on the last axis.
   */
  public SparseCategoricalCrossentropy() {
    this("sparse_categorical_crossentropy");
  }

  public SparseCategoricalCrossentropy(String name) {
    super(name);
  }

  /** Whether {@code yPred} holds logits rather than probabilities. */
  public SparseCategoricalCrossentropy fromLogits(boolean fromLogits) {
    loss.fromLogits(fromLogits);
    return this;
  }

  /** A label whose samples are left out of the mean; null (default) keeps every sample. */
  public SparseCategoricalCrossentropy ignoreClass(Integer ignoreClass) {
    loss.ignoreClass(ignoreClass);
    return this;
  }

  /** The class axis of {@code yPred} (default -1). */
  public SparseCategoricalCrossentropy axis(int axis) {
    loss.axis(axis);
    return this;
  }

  public boolean fromLogits() {
    return loss.fromLogits();
  }

  public Integer ignoreClass() {
    return loss.ignoreClass();
  }

  public int axis() {
    return loss.axis();
  }

  @Override
  public SparseCategoricalCrossentropy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  Tensor lossValues(Tensor yTrue, Tensor yPred) {
    return loss.compute(yTrue, yPred);
  }

  /** As {@link MeanMetricWrapper}, with the samples of {@code ignoreClass} masked out. */
  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    Integer ignore = loss.ignoreClass();
    int rank = yPred.rank();
    int a = loss.axis() < 0 ? loss.axis() + rank : loss.axis();
    if (ignore == null || a < 0 || a >= rank || yTrue.size() * yPred.dim(a) != yPred.size()) {
      // Nothing to ignore, or shapes the loss itself rejects with a clear message.
      super.updateState(yTrue, yPred, sampleWeight, mask);
      return;
    }
    int[] shape = new int[rank - 1];
    for (int d = 0, j = 0; d < rank; d++) {
      if (d != a) {
        shape[j++] = yPred.dim(d);
      }
    }
    Tensor labels = MetricShapes.reshape(MetricShapes.floats(yTrue), shape);
    Tensor keepMask = Ops.notEqual(labels, Tensor.scalar(ignore));
    super.updateState(yTrue, yPred, sampleWeight, mask == null ? keepMask : both(mask, keepMask));
  }

  private Tensor both(Tensor mask, Tensor keepMask) {
    int[][] s = MetricShapes.squeezeOrExpand(ShapeRefs.of(mask), ShapeRefs.of(keepMask), true);
    MetricShapes.broadcastShape(s[0], s[1], className()); // the error names the metric
    return Ops.multiply(
        MetricShapes.reshape(MetricShapes.floats(mask), s[0]),
        MetricShapes.reshape(keepMask, s[1]));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("from_logits", loss.fromLogits());
    c.put("ignore_class", loss.ignoreClass());
    c.put("axis", loss.axis());
    return c;
  }
}

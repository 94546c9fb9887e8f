package io.keras4j.metrics;

import io.keras4j.Tensor;
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
  private float[] keep = new float[0];

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
    float[] labels = MetricShapes.floats(yTrue);
    if (keep.length != labels.length) {
      keep = new float[labels.length];
    }
    float ig = ignore;
    for (int i = 0; i < labels.length; i++) {
      keep[i] = labels[i] == ig ? 0f : 1f;
    }
    int[] shape = new int[rank - 1];
    for (int i = 0, j = 0; i < rank; i++) {
      if (i != a) {
        shape[j++] = yPred.dim(i);
      }
    }
    Tensor keepMask = Tensor.wrap(keep, shape);
    super.updateState(yTrue, yPred, sampleWeight, mask == null ? keepMask : both(mask, keepMask));
  }

  private Tensor both(Tensor mask, Tensor keepMask) {
    int[][] s = MetricShapes.squeezeOrExpand(mask.shapeRef(), keepMask.shapeRef(), true);
    int[] shape = MetricShapes.broadcastShape(s[0], s[1], className());
    float[] m = MetricShapes.broadcast(MetricShapes.floats(mask), s[0], shape, className(), "mask");
    float[] k = MetricShapes.broadcast(keep, s[1], shape, className(), "mask");
    float[] out = new float[m.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = m[i] * k[i];
    }
    return Tensor.wrap(out, shape);
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

package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;

/**
 * Keras's {@code keras.metrics.SparseCategoricalAccuracy}: how often the argmax of the prediction
 * equals the integer label, averaged over samples with their weights. Labels of shape {@code (N,)}
 * or {@code (N, 1)} both work.
 */
public class SparseCategoricalAccuracy extends MeanMetricWrapper {
  /** Named {@code "sparse_categorical_accuracy"}. */
  public SparseCategoricalAccuracy() {
    this("sparse_categorical_accuracy");
  }

  public SparseCategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  public SparseCategoricalAccuracy name(String name) {
    super.name(name);
    return this;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  Tensor compute(Tensor yTrue, Tensor yPred) {
    int[] ts = ShapeRefs.of(yTrue);
    int[] ps = ShapeRefs.of(yPred);
    int classes = MetricShapes.last(ps);
    if (ps.length == 0 || (classes == 0 ? 0 : yPred.size() / classes) != yTrue.size()) {
      throw new IllegalArgumentException(
          className()
              + ": y_true must hold one integer label per row of y_pred. Received: y_true.shape="
              + Shapes.toString(ts)
              + ", y_pred.shape="
              + Shapes.toString(ps));
    }
    // The matches take the labels' shape, without a trailing axis of 1 (Keras squeezes it).
    int[] shape = ts.length > 1 && ts[ts.length - 1] == 1 ? Arrays.copyOf(ts, ts.length - 1) : ts;
    if (yTrue.size() == 0) {
      return Tensor.zeros(shape);
    }
    Tensor predClass = MetricShapes.reshape(Ranking.argmax(MetricShapes.floats(yPred)), shape);
    return Ops.equal(MetricShapes.reshape(MetricShapes.floats(yTrue), shape), predClass);
  }
}

package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;

/**
 * Keras's {@code keras.metrics.CategoricalAccuracy}: how often the argmax of the prediction equals
 * the argmax of the one-hot label (logits work too), averaged over samples with their weights.
 */
public class CategoricalAccuracy extends MeanMetricWrapper {
  /** Named {@code "categorical_accuracy"}. */
  public CategoricalAccuracy() {
    this("categorical_accuracy");
  }

  public CategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  public CategoricalAccuracy name(String name) {
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
    int tc = MetricShapes.last(ts);
    int pc = MetricShapes.last(ps);
    long rows = tc == 0 ? 0 : yTrue.size() / tc;
    if (ts.length == 0 || ps.length == 0 || (pc == 0 ? 0 : yPred.size() / pc) != rows) {
      throw new IllegalArgumentException(
          className()
              + ": y_true (one-hot) and y_pred must have the same leading dimensions. Received:"
              + " y_true.shape="
              + Shapes.toString(ts)
              + ", y_pred.shape="
              + Shapes.toString(ps));
    }
    int[] shape = MetricShapes.dropLast(ts);
    if (rows == 0) {
      return Tensor.zeros(shape);
    }
    Tensor trueClass = Ranking.argmax(MetricShapes.floats(yTrue));
    Tensor predClass = MetricShapes.reshape(Ranking.argmax(MetricShapes.floats(yPred)), shape);
    return Ops.equal(trueClass, predClass);
  }
}

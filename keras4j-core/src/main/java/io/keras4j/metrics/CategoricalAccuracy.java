package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;

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
  void compute(Tensor yTrue, Tensor yPred, Values out) {
    int[] ts = yTrue.shapeRef();
    int[] ps = yPred.shapeRef();
    int tc = MetricShapes.last(ts);
    int pc = MetricShapes.last(ps);
    float[] t = MetricShapes.floats(yTrue);
    float[] p = MetricShapes.floats(yPred);
    int rows = tc == 0 ? 0 : t.length / tc;
    if (ts.length == 0 || ps.length == 0 || (pc == 0 ? 0 : p.length / pc) != rows) {
      throw new IllegalArgumentException(
          className()
              + ": y_true (one-hot) and y_pred must have the same leading dimensions. Received:"
              + " y_true.shape="
              + Shapes.toString(ts)
              + ", y_pred.shape="
              + Shapes.toString(ps));
    }
    float[] o = out.alloc(MetricShapes.dropLast(ts));
    for (int r = 0; r < rows; r++) {
      o[r] = Ranking.argmax(t, r * tc, tc) == Ranking.argmax(p, r * pc, pc) ? 1f : 0f;
    }
  }
}

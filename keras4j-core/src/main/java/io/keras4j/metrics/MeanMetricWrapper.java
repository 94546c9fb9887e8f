package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.internal.Naming;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.function.BiFunction;

/**
 * The weighted mean of a per-sample function of targets and predictions over every batch seen, as
 * Keras's {@code keras.metrics.MeanMetricWrapper}: {@code new MeanMetricWrapper((t, p) ->
 * myError(t, p), "my_error")}. The function returns one value per sample (or per sample and
 * timestep); sample weights and the mask are matched to those values as Keras does.
 *
 * <p>The accuracy and error metrics ({@link Accuracy}, {@link MeanAbsoluteError}, ...) are this
 * class with a built-in function computed with ops.
 */
public class MeanMetricWrapper extends Metric {
  private final BiFunction<Tensor, Tensor, Tensor> fn;
  private final Totals totals = new Totals(addVariable("total"), addVariable("count"));

  /** Averages {@code fn}, named {@code mean_metric_wrapper} (made unique). */
  public MeanMetricWrapper(BiFunction<Tensor, Tensor, Tensor> fn) {
    this(fn, Naming.uniqueName("mean_metric_wrapper"));
  }

  /** Averages {@code fn}, which maps (yTrue, yPred) to per-sample values. */
  public MeanMetricWrapper(BiFunction<Tensor, Tensor, Tensor> fn, String name) {
    super(name);
    if (fn == null) {
      throw new IllegalArgumentException(
          "MeanMetricWrapper: fn must be a function of (y_true, y_pred). Received: fn=null");
    }
    this.fn = fn;
  }

  /** For the built-in metrics, which override {@link #compute}. */
  MeanMetricWrapper(String name) {
    super(name);
    this.fn = null;
  }

  @Override
  public MeanMetricWrapper name(String name) {
    super.name(name);
    return this;
  }

  /** The per-sample values of one batch. */
  Tensor compute(Tensor yTrue, Tensor yPred) {
    return fn.apply(yTrue, yPred);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    updateState(yTrue, yPred, sampleWeight, null);
  }

  /**
   * Accumulates one batch. The mask (1 keep, 0 drop) multiplies the sample weights, as Keras's
   * {@code apply_mask} with the "sum" reduction.
   */
  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    Tensor values = compute(yTrue, yPred);
    Tensor w = sampleWeight;
    if (mask != null) {
      if (w == null) {
        w = mask;
      } else {
        int[][] same = MetricShapes.squeezeOrExpand(ShapeRefs.of(mask), ShapeRefs.of(w), true);
        MetricShapes.broadcastShape(same[0], same[1], className()); // the error names the metric
        w =
            Ops.multiply(
                MetricShapes.reshape(MetricShapes.floats(mask), same[0]),
                MetricShapes.reshape(MetricShapes.floats(w), same[1]));
      }
    }
    addValues(values, w);
  }

  /** Adds per-sample values with their weights (null: 1) to the total and count. */
  final void addValues(Tensor values, Tensor weights) {
    totals.add(values, weights, true, className());
  }

  @Override
  public Tensor result() {
    return Tensor.scalar((float) mean());
  }

  /** total / count, 0 before any weight (Keras's divide_no_nan). */
  final double mean() {
    return totals.mean();
  }
}

package io.keras4j.metrics;

import io.keras4j.Tensor;
import io.keras4j.utils.Naming;
import java.util.function.BiFunction;

/**
 * The weighted mean of a per-sample function of targets and predictions over every batch seen, as
 * Keras's {@code keras.metrics.MeanMetricWrapper}: {@code new MeanMetricWrapper((t, p) ->
 * myError(t, p), "my_error")}. The function returns one value per sample (or per sample and
 * timestep); sample weights and the mask are matched to those values as Keras does.
 *
 * <p>The accuracy and error metrics ({@link Accuracy}, {@link MeanAbsoluteError}, ...) are this
 * class with a built-in function computed on the raw arrays.
 */
public class MeanMetricWrapper extends Metric {
  private final BiFunction<Tensor, Tensor, Tensor> fn;
  private final Totals totals = new Totals(addVariable("total"), addVariable("count"));
  private final Values values = new Values();

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

  /** Writes the per-sample values of one batch into {@code out}. */
  void compute(Tensor yTrue, Tensor yPred, Values out) {
    Tensor r = fn.apply(yTrue, yPred);
    out.borrow(MetricShapes.floats(r), r.shapeRef());
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
    compute(yTrue, yPred, values);
    float[] w = sampleWeight == null ? null : MetricShapes.floats(sampleWeight);
    int[] ws = sampleWeight == null ? null : sampleWeight.shapeRef();
    if (mask != null) {
      float[] m = MetricShapes.floats(mask);
      int[] ms = mask.shapeRef();
      if (w == null) {
        w = m;
        ws = ms;
      } else {
        int[][] same = MetricShapes.squeezeOrExpand(ms, ws, true);
        int[] shape = MetricShapes.broadcastShape(same[0], same[1], className());
        float[] mb = MetricShapes.broadcast(m, same[0], shape, className(), "mask");
        float[] wb = MetricShapes.broadcast(w, same[1], shape, className(), "sample_weight");
        float[] prod = new float[mb.length];
        for (int i = 0; i < prod.length; i++) {
          prod[i] = mb[i] * wb[i];
        }
        w = prod;
        ws = shape;
      }
    }
    totals.add(values.data, values.shape, w, ws, true, className());
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

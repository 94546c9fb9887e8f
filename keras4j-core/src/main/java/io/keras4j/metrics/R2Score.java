package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.R2Score}, the coefficient of determination {@code 1 - sum((y -
 * yPred)^2) / sum((y - mean(y))^2)} per output of 2-D inputs {@code (batch, outputs)}, weighted by
 * the sample weights and aggregated by {@code classAggregation}: "uniform_average" (default),
 * "variance_weighted_average", or null (one score per output). With {@code numRegressors > 0} it is
 * the adjusted R2 {@code 1 - (1 - R2) (n - 1) / (n - p - 1)}.
 */
public class R2Score extends Metric {
  private static final System.Logger LOG = System.getLogger(R2Score.class.getName());

  private String classAggregation = "uniform_average";
  private int numRegressors;
  private int outputs = -1; // -1: not built
  private Variable sum;
  private Variable squaredSum;
  private Variable residual;
  private Variable count;
  private Variable numSamples;

  /** Uniform average, no regressors; named {@code "r2_score"}. */
  public R2Score() {
    super("r2_score");
  }

  @Override
  public R2Score name(String name) {
    super.name(name);
    return this;
  }

  /** "uniform_average" (default), "variance_weighted_average", or null for one score per output. */
  public R2Score classAggregation(String classAggregation) {
    if (classAggregation != null
        && !classAggregation.equals("uniform_average")
        && !classAggregation.equals("variance_weighted_average")) {
      throw new IllegalArgumentException(
          "R2Score: classAggregation must be one of null, \"uniform_average\","
              + " \"variance_weighted_average\". Received: classAggregation="
              + classAggregation);
    }
    this.classAggregation = classAggregation;
    return this;
  }

  /** The number of independent regressors of the adjusted R2 (default 0: the plain R2). */
  public R2Score numRegressors(int numRegressors) {
    if (numRegressors < 0) {
      throw new IllegalArgumentException(
          "R2Score: numRegressors must be >= 0. Received: numRegressors=" + numRegressors);
    }
    this.numRegressors = numRegressors;
    return this;
  }

  public String classAggregation() {
    return classAggregation;
  }

  public int numRegressors() {
    return numRegressors;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    int[][] same = MetricShapes.squeezeOrExpand(ShapeRefs.of(yTrue), ShapeRefs.of(yPred), true);
    int[] ts = same[0];
    int[] ps = same[1];
    if (ts.length != 2 || ps.length != 2 || !Arrays.equals(ts, ps)) {
      throw new IllegalArgumentException(
          "R2Score expects 2D inputs of the same shape (batch_size, output_dim). Received:"
              + " y_pred.shape="
              + Shapes.toString(ShapeRefs.of(yPred))
              + " and y_true.shape="
              + Shapes.toString(ShapeRefs.of(yTrue)));
    }
    int c = ps[1];
    if (outputs < 0) {
      build(c);
    } else if (c != outputs) {
      throw new IllegalArgumentException(
          "R2Score: every batch must have the "
              + outputs
              + " outputs of the first. Received: y_pred.shape="
              + Shapes.toString(ShapeRefs.of(yPred)));
    }
    Tensor t = MetricShapes.reshape(MetricShapes.floats(yTrue), ts);
    Tensor p = MetricShapes.reshape(MetricShapes.floats(yPred), ps);
    Tensor w = null;
    if (sampleWeight != null) {
      int[] ws = ShapeRefs.of(sampleWeight);
      if (ws.length == 1) {
        ws = new int[] {ws[0], 1}; // one weight per sample applies to every output
      }
      w =
          MetricShapes.broadcast(
              MetricShapes.floats(sampleWeight), ws, ts, "R2Score", "sample_weight");
    }
    // The batch's sums over samples, then one addition to each variable (Keras's assign_add).
    Tensor weighted = w == null ? t : Ops.multiply(t, w);
    sum.assignAdd(Ops.sum(weighted, 0));
    squaredSum.assignAdd(Ops.sum(Ops.multiply(weighted, t), 0));
    Tensor squaredError = Ops.square(Ops.subtract(t, p));
    residual.assignAdd(Ops.sum(w == null ? squaredError : Ops.multiply(squaredError, w), 0));
    int rows = ts[0];
    if (w == null) {
      count.assignAdd(Tensor.scalar(rows));
      numSamples.assignAdd(Tensor.scalar(c == 0 ? 0 : rows));
    } else {
      count.assignAdd(Ops.sum(w, 0));
      if (c > 0 && rows > 0) {
        // A sample counts when any of its outputs has a nonzero weight.
        Tensor weightedSample = Ops.max(Ops.notEqual(w, Tensor.scalar(0f)), 1);
        numSamples.assignAdd(Ops.sum(weightedSample));
      }
    }
  }

  /** Makes the state for {@code c} outputs (Keras's {@code _build}), on the first batch. */
  private void build(int c) {
    outputs = c;
    sum = addVariable("sum", c);
    squaredSum = addVariable("squared_sum", c);
    residual = addVariable("total_mse", c);
    count = addVariable("count", c);
    numSamples = addVariable("num_samples");
  }

  @Override
  protected void buildLike(Metric other) {
    build(((R2Score) other).outputs);
  }

  @Override
  public Tensor result() {
    if (outputs < 0) {
      return classAggregation == null ? Tensor.zeros(0) : Tensor.scalar(0f);
    }
    int c = outputs;
    float[] sum = this.sum.value().toFloatArray();
    float[] squaredSum = this.squaredSum.value().toFloatArray();
    float[] residual = this.residual.value().toFloatArray();
    float[] count = this.count.value().toFloatArray();
    double[] raw = new double[c];
    double[] total = new double[c];
    for (int j = 0; j < c; j++) {
      double mean = (double) sum[j] / count[j];
      total[j] = squaredSum[j] - sum[j] * mean;
      raw[j] = 1 - residual[j] / total[j];
      if (Double.isInfinite(raw[j])) {
        raw[j] = 0; // a constant target with errors: Keras reports 0
      }
    }
    if (classAggregation == null) {
      float[] out = new float[c];
      for (int j = 0; j < c; j++) {
        out[j] = (float) adjust(raw[j]);
      }
      return Tensor.of(out, c);
    }
    double r2 = 0;
    if (classAggregation.equals("uniform_average")) {
      for (double r : raw) {
        r2 += r;
      }
      r2 /= c;
    } else {
      double weighted = 0;
      double weights = 0;
      for (int j = 0; j < c; j++) {
        weighted += total[j] * raw[j];
        weights += total[j];
      }
      r2 = weighted / weights;
    }
    return Tensor.scalar((float) adjust(r2));
  }

  private double adjust(double r2) {
    if (numRegressors == 0) {
      return r2;
    }
    double n = numSamples.value().item();
    if (numRegressors > n - 1) {
      LOG.log(
          System.Logger.Level.WARNING,
          "More independent predictors than datapoints in adjusted R2 score. Falling back to"
              + " standard R2 score.");
      return r2;
    }
    if (numRegressors == n - 1) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Division by zero in adjusted R2 score. Falling back to standard R2 score.");
      return r2;
    }
    return 1 - (1 - r2) * (n - 1) / (n - numRegressors - 1);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("class_aggregation", classAggregation);
    c.put("num_regressors", numRegressors);
    return c;
  }
}

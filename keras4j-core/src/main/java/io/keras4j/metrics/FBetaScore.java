package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.FBetaScore}: {@code (1 + beta^2) * precision * recall / (beta^2 *
 * precision + recall)} per class of 2-D inputs {@code (batch, classes)}. A prediction is positive
 * when above {@code threshold}, or, without a threshold, when it is the row's maximum (and
 * nonzero). {@code average}: null (one score per class), "micro" (counts pooled), "macro" (mean of
 * the class scores) or "weighted" (mean weighted by each class's label total).
 */
public class FBetaScore extends Metric {
  private static final double EPSILON = 1e-7;

  private String average;
  private double beta = 1.0;
  private Double threshold;
  private int classes = -1; // -1: not built
  private float[] tp;
  private float[] fp;
  private float[] fn;
  private float[] support;

  /** No averaging, beta 1, argmax predictions; named {@code "fbeta_score"}. */
  public FBetaScore() {
    this("fbeta_score");
  }

  FBetaScore(String name) {
    super(name);
  }

  @Override
  public FBetaScore name(String name) {
    super.name(name);
    return this;
  }

  /** null (default: per class), "micro", "macro" or "weighted". */
  public FBetaScore average(String average) {
    if (average != null
        && !average.equals("micro")
        && !average.equals("macro")
        && !average.equals("weighted")) {
      throw new IllegalArgumentException(
          className()
              + ": average must be one of null, \"micro\", \"macro\", \"weighted\". Received:"
              + " average="
              + average);
    }
    this.average = average;
    classes = -1;
    clearVariables();
    return this;
  }

  /** The weight of recall against precision (> 0; default 1). */
  public FBetaScore beta(double beta) {
    if (!(beta > 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException(
          className() + ": beta must be a finite number > 0. Received: beta=" + beta);
    }
    this.beta = beta;
    return this;
  }

  /** Predictions above this are positive; must satisfy {@code 0 < threshold <= 1}. */
  public FBetaScore threshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          className()
              + ": threshold must verify 0 < threshold <= 1. Received: threshold="
              + threshold);
    }
    this.threshold = threshold;
    return this;
  }

  public String average() {
    return average;
  }

  public double beta() {
    return beta;
  }

  /** The threshold, or null when the row's maximum is the positive prediction. */
  public Double threshold() {
    return threshold;
  }

  @Override
  public String direction() {
    return "up";
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    int[] ts = yTrue.shapeRef();
    int[] ps = yPred.shapeRef();
    if (ts.length != 2 || ps.length != 2 || !Arrays.equals(ts, ps)) {
      throw new IllegalArgumentException(
          className()
              + " expects 2D inputs of the same shape (batch_size, output_dim). Received:"
              + " y_pred.shape="
              + Shapes.toString(ps)
              + " and y_true.shape="
              + Shapes.toString(ts));
    }
    int c = ps[1];
    if (classes < 0) {
      build(c);
    } else if (c != classes) {
      throw new IllegalArgumentException(
          className()
              + ": every batch must have the "
              + classes
              + " classes of the first. Received: y_pred.shape="
              + Shapes.toString(ps));
    }
    float[] t = MetricShapes.floats(yTrue);
    float[] p = MetricShapes.floats(yPred);
    float[] w = null;
    if (sampleWeight != null) {
      // Keras appends axes to lower-rank weights: (N,) becomes (N, 1).
      int[] ws = sampleWeight.shapeRef();
      int[] expanded = ws.length < 2 ? Arrays.copyOf(ws, 2) : ws;
      for (int i = ws.length; i < expanded.length; i++) {
        expanded[i] = 1;
      }
      w =
          MetricShapes.broadcast(
              MetricShapes.floats(sampleWeight), expanded, ps, className(), "sample_weight");
    }
    boolean micro = "micro".equals(average);
    // The batch's counts, then one addition to the state per variable (as Keras's assign_add).
    int n = tp.length;
    double[] bTp = new double[n];
    double[] bFp = new double[n];
    double[] bFn = new double[n];
    double[] bSupport = new double[n];
    float thr = threshold == null ? 0 : (float) threshold.doubleValue();
    for (int r = 0, off = 0; off < p.length; r++, off += c) {
      float max = Float.NEGATIVE_INFINITY;
      if (threshold == null) {
        for (int j = 0; j < c; j++) {
          max = Math.max(max, p[off + j]);
        }
      }
      for (int j = 0; j < c; j++) {
        int e = off + j;
        float v = p[e];
        double pred =
            threshold == null ? (v >= max && Math.abs(v) > 1e-9f ? 1 : 0) : (v > thr ? 1 : 0);
        double truth = t[e];
        double wt = w == null ? 1 : w[e];
        int k = micro ? 0 : j;
        bTp[k] += pred * truth * wt;
        bFp[k] += pred * (1 - truth) * wt;
        bFn[k] += (1 - pred) * truth * wt;
        bSupport[k] += truth * wt;
      }
    }
    for (int k = 0; k < n; k++) {
      tp[k] = (float) (tp[k] + bTp[k]);
      fp[k] = (float) (fp[k] + bFp[k]);
      fn[k] = (float) (fn[k] + bFn[k]);
      support[k] = (float) (support[k] + bSupport[k]);
    }
  }

  /** Makes the state for {@code c} classes (Keras's {@code _build}), on the first batch. */
  private void build(int c) {
    classes = c;
    int n = "micro".equals(average) ? 1 : c;
    clearVariables();
    tp = addVariable("true_positives", n).value().floats();
    fp = addVariable("false_positives", n).value().floats();
    fn = addVariable("false_negatives", n).value().floats();
    support = addVariable("intermediate_weights", n).value().floats();
  }

  @Override
  protected void buildLike(Metric other) {
    build(((FBetaScore) other).classes);
  }

  @Override
  public Tensor result() {
    if (classes < 0) {
      return average != null ? Tensor.scalar(0f) : Tensor.zeros(0);
    }
    int n = tp.length;
    double b2 = beta * beta;
    double[] f = new double[n];
    for (int k = 0; k < n; k++) {
      double precision = tp[k] / ((double) tp[k] + fp[k] + EPSILON);
      double recall = tp[k] / ((double) tp[k] + fn[k] + EPSILON);
      f[k] = precision * recall / (b2 * precision + recall + EPSILON) * (1 + b2);
    }
    if (average == null) {
      float[] out = new float[n];
      for (int k = 0; k < n; k++) {
        out[k] = (float) f[k];
      }
      return Tensor.wrap(out, n);
    }
    double sum = 0;
    if (average.equals("weighted")) {
      double total = 0;
      for (float s : support) {
        total += s;
      }
      for (int k = 0; k < n; k++) {
        sum += f[k] * support[k] / (total + EPSILON);
      }
      return Tensor.scalar((float) sum);
    }
    for (double v : f) {
      sum += v;
    }
    return Tensor.scalar((float) (sum / n));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("average", average);
    c.put("beta", beta);
    c.put("threshold", threshold);
    return c;
  }
}

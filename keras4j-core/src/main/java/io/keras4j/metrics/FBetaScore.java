package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
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
  private Variable tp;
  private Variable fp;
  private Variable fn;
  private Variable support;

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
    int[] ts = ShapeRefs.of(yTrue);
    int[] ps = ShapeRefs.of(yPred);
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
    if (yPred.size() == 0) {
      return; // nothing to count
    }
    Tensor t = MetricShapes.floats(yTrue);
    Tensor p = MetricShapes.floats(yPred);
    Tensor w = null;
    if (sampleWeight != null) {
      // Keras appends axes to lower-rank weights: (N,) becomes (N, 1).
      int[] ws = ShapeRefs.of(sampleWeight);
      int[] expanded = ws.length < 2 ? Arrays.copyOf(ws, 2) : ws;
      for (int i = ws.length; i < expanded.length; i++) {
        expanded[i] = 1;
      }
      w =
          MetricShapes.broadcast(
              MetricShapes.floats(sampleWeight), expanded, ps, className(), "sample_weight");
    }
    Tensor predicted;
    if (threshold == null) {
      // The row's maximum is the positive prediction, unless it is (about) zero.
      Tensor max = Ops.max(p, new int[] {1}, true);
      predicted =
          Ops.logicalAnd(Ops.greaterEqual(p, max), Ops.greater(Ops.abs(p), Tensor.scalar(1e-9f)));
    } else {
      predicted = Ops.greater(p, Tensor.scalar((float) threshold.doubleValue()));
    }
    // The batch's counts, then one addition to each variable (as Keras's assign_add).
    Tensor truth = w == null ? t : Ops.multiply(t, w); // weighted labels
    Tensor falsehood = Ops.subtract(w == null ? Tensor.scalar(1f) : w, truth); // (1 - t) * w
    Tensor truePositives = Ops.multiply(predicted, truth);
    tp.assignAdd(classCounts(truePositives));
    fp.assignAdd(classCounts(Ops.multiply(predicted, falsehood)));
    fn.assignAdd(classCounts(Ops.subtract(truth, truePositives)));
    support.assignAdd(classCounts(truth));
  }

  /** Sums over the samples, and over the classes too when "micro". */
  private Tensor classCounts(Tensor x) {
    return "micro".equals(average) ? Ops.sum(x) : Ops.sum(x, 0);
  }

  /** Makes the state for {@code c} classes (Keras's {@code _build}), on the first batch. */
  private void build(int c) {
    classes = c;
    int n = "micro".equals(average) ? 1 : c;
    clearVariables();
    tp = addVariable("true_positives", n);
    fp = addVariable("false_positives", n);
    fn = addVariable("false_negatives", n);
    support = addVariable("intermediate_weights", n);
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
    float[] tp = this.tp.value().toFloatArray();
    float[] fp = this.fp.value().toFloatArray();
    float[] fn = this.fn.value().toFloatArray();
    float[] support = this.support.value().toFloatArray();
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
      return Tensor.of(out, n);
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

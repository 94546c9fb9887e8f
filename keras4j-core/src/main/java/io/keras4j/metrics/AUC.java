package io.keras4j.metrics;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.Variable;
import io.keras4j.internal.Naming;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.Ops;
import java.util.Arrays;
import java.util.Map;

/**
 * Keras's {@code keras.metrics.AUC}: the area under the ROC or precision-recall curve, as a Riemann
 * sum over {@code numThresholds} thresholds (default 200: {@code -1e-7}, {@code i / 199} for {@code
 * 0 < i < 199}, {@code 1 + 1e-7}). The "interpolation" summation uses the trapezoid rule for ROC
 * and Davis and Goadrich's interpolation for PR, as Keras does; "minoring" and "majoring" give
 * lower and upper bounds. With {@code multiLabel(true)} one AUC is computed per label (column) and
 * they are averaged, weighted by {@code labelWeights} if given.
 *
 * <p>Options change the thresholds or the shape of the state and therefore reset it.
 */
public class AUC extends Metric {
  private int numThresholds = 200;
  private String curve = "ROC";
  private String summationMethod = "interpolation";
  private double[] initThresholds; // sorted, as given, without the endpoints
  private boolean multiLabel;
  private Integer numLabels;
  private double[] labelWeights;
  private boolean fromLogits;

  private double[] thresholds;
  private Confusion confusion;
  private int labels = -1; // -1: state not built yet
  private Variable tp;
  private Variable fp;
  private Variable tn;
  private Variable fn;
  private final Confusion.Batch batch = new Confusion.Batch();

  /** ROC, 200 thresholds, interpolation; named {@code "auc"} (made unique, as Keras does). */
  public AUC() {
    super(Naming.uniqueName("auc"));
    configure();
  }

  /** An AUC with {@code numThresholds} evenly spaced thresholds. */
  public AUC(int numThresholds) {
    this();
    numThresholds(numThresholds);
  }

  @Override
  public AUC name(String name) {
    super.name(name);
    return this;
  }

  /** The number of thresholds (> 1), ignored when {@link #thresholds} are given. */
  public AUC numThresholds(int numThresholds) {
    if (numThresholds <= 1) {
      throw new IllegalArgumentException(
          "AUC: numThresholds must be an integer > 1. Received: numThresholds=" + numThresholds);
    }
    this.numThresholds = numThresholds;
    configure();
    return this;
  }

  /** {@code "ROC"} (default), {@code "PR"} or {@code "PRGAIN"} (or in lower case). */
  public AUC curve(String curve) {
    this.curve =
        switch (curve == null ? "" : curve) {
          case "ROC", "roc" -> "ROC";
          case "PR", "pr" -> "PR";
          case "PRGAIN", "prgain" -> "PRGAIN";
          default ->
              throw new IllegalArgumentException(
                  "AUC: curve must be one of \"ROC\", \"PR\", \"PRGAIN\". Received: curve="
                      + curve);
        };
    return this;
  }

  /** {@code "interpolation"} (default), {@code "minoring"} or {@code "majoring"}. */
  public AUC summationMethod(String method) {
    this.summationMethod =
        switch (method == null ? "" : method) {
          case "interpolation", "Interpolation" -> "interpolation";
          case "minoring", "Minoring" -> "minoring";
          case "majoring", "Majoring" -> "majoring";
          default ->
              throw new IllegalArgumentException(
                  "AUC: summationMethod must be one of \"interpolation\", \"majoring\","
                      + " \"minoring\". Received: summationMethod="
                      + method);
        };
    return this;
  }

  /**
   * Explicit thresholds in [0, 1] (sorted here); {@code -1e-7} and {@code 1 + 1e-7} are added at
   * the ends, so {@code numThresholds} becomes {@code thresholds.length + 2}.
   */
  public AUC thresholds(double... thresholds) {
    double[] t = Thresholds.checkRange("AUC", thresholds);
    Arrays.sort(t);
    this.initThresholds = t;
    configure();
    return this;
  }

  /** One AUC per label (column of a 2-D yPred), averaged (default false: all values pooled). */
  public AUC multiLabel(boolean multiLabel) {
    this.multiLabel = multiLabel;
    configure();
    return this;
  }

  /** The number of labels when multi-label; otherwise taken from the first batch. */
  public AUC numLabels(int numLabels) {
    if (numLabels < 1) {
      throw new IllegalArgumentException(
          "AUC: numLabels must be a positive integer. Received: numLabels=" + numLabels);
    }
    this.numLabels = numLabels;
    configure();
    return this;
  }

  /**
   * Non-negative weights per label: when multi-label, the weights of the per-label AUCs in their
   * average; otherwise weights of each label's predictions in the pooled counts.
   */
  public AUC labelWeights(double... labelWeights) {
    for (double w : labelWeights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException(
            "AUC: labelWeights must be non-negative. Received: labelWeights="
                + Arrays.toString(labelWeights));
      }
    }
    this.labelWeights = labelWeights.clone();
    configure();
    return this;
  }

  /** Whether predictions are logits (a sigmoid is applied first; default false). */
  public AUC fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return this;
  }

  /** The thresholds in use, with the two endpoints. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  public int numThresholds() {
    return thresholds.length;
  }

  @Override
  public String direction() {
    return "up";
  }

  private void configure() {
    boolean evenly;
    double[] inner;
    if (initThresholds != null) {
      inner = initThresholds;
      double[] withEnds = new double[inner.length + 2];
      System.arraycopy(inner, 0, withEnds, 1, inner.length);
      withEnds[withEnds.length - 1] = 1;
      evenly = Thresholds.evenlyDistributed(withEnds);
    } else {
      inner = new double[numThresholds - 2];
      for (int i = 0; i < inner.length; i++) {
        inner[i] = (i + 1) * 1.0 / (numThresholds - 1);
      }
      evenly = true;
    }
    thresholds = new double[inner.length + 2];
    thresholds[0] = 0.0 - Thresholds.EPSILON;
    System.arraycopy(inner, 0, thresholds, 1, inner.length);
    thresholds[thresholds.length - 1] = 1.0 + Thresholds.EPSILON;
    confusion = new Confusion(thresholds, evenly);
    labels = -1;
    clearVariables();
    if (!multiLabel) {
      build(1);
    } else if (numLabels != null) {
      build(numLabels);
    }
  }

  /** Makes the state: four counts per threshold (and label, when multi-label), as Keras. */
  private void build(int labels) {
    this.labels = labels;
    int[] shape =
        multiLabel ? new int[] {thresholds.length, labels} : new int[] {thresholds.length};
    clearVariables();
    tp = addVariable("true_positives", shape);
    fp = addVariable("false_positives", shape);
    tn = addVariable("true_negatives", shape);
    fn = addVariable("false_negatives", shape);
  }

  @Override
  protected void buildLike(Metric other) {
    build(((AUC) other).labels);
  }

  @Override
  public void updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    int[] ps = ShapeRefs.of(yPred);
    if (!multiLabel && numLabels != null) {
      throw new IllegalArgumentException(
          "AUC: numLabels is needed only when multiLabel is true. Received: numLabels="
              + numLabels);
    }
    if (multiLabel) {
      if (ps.length != 2) {
        throw new IllegalArgumentException(
            "AUC: y_pred must have rank 2 when multiLabel is true. Received: y_pred.shape="
                + Shapes.toString(ps));
      }
      if (labels < 0) {
        build(ps[1]);
      } else if (ps[1] != labels) {
        throw new IllegalArgumentException(
            "AUC: every batch must have the "
                + labels
                + " labels of the first. Received: y_pred.shape="
                + Shapes.toString(ps));
      }
      if (labelWeights != null && labelWeights.length != 1 && labelWeights.length != labels) {
        throw new IllegalArgumentException(
            "AUC: labelWeights must have one weight per label ("
                + labels
                + "). Received: labelWeights.length="
                + labelWeights.length);
      }
    }
    Confusion.Batch b = batch;
    b.yTrue = yTrue;
    b.yPred = fromLogits ? Ops.sigmoid(MetricShapes.floats(yPred)) : yPred;
    b.sampleWeight = sampleWeight;
    b.multiLabel = multiLabel;
    b.labelWeights = multiLabel || labelWeights == null ? null : toFloats(labelWeights);
    confusion.update("AUC", b, tp, fp, tn, fn);
    b.yTrue = null;
    b.yPred = null;
    b.sampleWeight = null;
  }

  private static double[] widen(Variable v) {
    float[] f = v.value().toFloatArray();
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  @Override
  public Tensor result() {
    if (labels < 0) {
      return Tensor.scalar(0f);
    }
    double[] byLabel =
        AucMath.byLabel(
            curve,
            summationMethod,
            thresholds.length,
            labels,
            widen(tp),
            widen(fp),
            widen(tn),
            widen(fn));
    if (!multiLabel) {
      return Tensor.scalar((float) byLabel[0]);
    }
    double sum = 0;
    if (labelWeights == null) {
      for (double a : byLabel) {
        sum += a;
      }
      return Tensor.scalar((float) (sum / labels));
    }
    double weights = 0;
    for (int l = 0; l < labels; l++) {
      double w = labelWeights.length == 1 ? labelWeights[0] : labelWeights[l];
      sum += byLabel[l] * w;
      weights += w;
    }
    return Tensor.scalar((float) (weights == 0 ? 0 : sum / weights));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("num_thresholds", thresholds.length);
    c.put("curve", curve);
    c.put("summation_method", summationMethod);
    c.put("multi_label", multiLabel);
    c.put("num_labels", numLabels);
    c.put("label_weights", labelWeights == null ? null : Thresholds.toList(labelWeights));
    c.put("from_logits", fromLogits);
    if (initThresholds != null) {
      c.put("thresholds", Thresholds.toList(initThresholds));
    }
    return c;
  }
}

package io.keras4j.metrics;

/**
 * The area computations of {@link AUC} (Keras's {@code AUC.result} and {@code interpolate_pr_auc}).
 */
final class AucMath {
  private AucMath() {}

  /**
   * The AUC of each label from counts laid out {@code [threshold * labels + label]}, thresholds
   * ascending.
   */
  static double[] byLabel(
      String curve,
      String method,
      int t,
      int labels,
      double[] tp,
      double[] fp,
      double[] tn,
      double[] fn) {
    double[] out = new double[labels];
    for (int l = 0; l < labels; l++) {
      out[l] =
          curve.equals("PR") && method.equals("interpolation")
              ? interpolatePr(t, labels, l, tp, fp, fn)
              : riemann(curve, method, t, labels, l, tp, fp, tn, fn);
    }
    return out;
  }

  private static double divideNoNan(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  private static double riemann(
      String curve,
      String method,
      int t,
      int labels,
      int l,
      double[] tp,
      double[] fp,
      double[] tn,
      double[] fn) {
    double sum = 0;
    double prevX = 0;
    double prevY = 0;
    for (int i = 0; i < t; i++) {
      int at = i * labels + l;
      double x;
      double y;
      double recall = divideNoNan(tp[at], tp[at] + fn[at]);
      switch (curve) {
        case "ROC" -> {
          x = divideNoNan(fp[at], fp[at] + tn[at]);
          y = recall;
        }
        case "PR" -> {
          x = recall;
          y = divideNoNan(tp[at], tp[at] + fp[at]);
        }
        default -> {
          // PRGAIN: gains relative to the positive rate P/N; a zero tp gives recall gain 0 and
          // precision gain 1, and a negative recall gain is clipped to 0 (Keras's fixes).
          double scaling = divideNoNan(tp[at] + fn[at], tn[at] + fp[at]);
          double recallGain = 1.0 - scaling * divideNoNan(fn[at], tp[at]);
          double precisionGain = 1.0 - scaling * divideNoNan(fp[at], tp[at]);
          if (tp[at] == 0) {
            recallGain = 0;
            precisionGain = 1;
          }
          x = Math.max(recallGain, 0);
          y = precisionGain;
        }
      }
      if (i > 0) {
        double height =
            switch (method) {
              case "interpolation" -> (prevY + y) / 2;
              case "minoring" -> Math.min(prevY, y);
              default -> Math.max(prevY, y);
            };
        sum += (prevX - x) * height;
      }
      prevX = x;
      prevY = y;
    }
    return sum;
  }

  /**
   * Davis and Goadrich's interpolation of the PR curve, in Keras's closed form: between two
   * thresholds tp and the predicted positives {@code p = tp + fp} vary linearly, and the area of
   * each interval is {@code slope * (dtp + intercept * log(p_a / p_b)) / (tp_b + fn_b)}.
   */
  private static double interpolatePr(
      int t, int labels, int l, double[] tp, double[] fp, double[] fn) {
    double sum = 0;
    for (int i = 0; i + 1 < t; i++) {
      int a = i * labels + l;
      int b = a + labels;
      double dtp = tp[a] - tp[b];
      double pa = tp[a] + fp[a];
      double pb = tp[b] + fp[b];
      double slope = divideNoNan(dtp, Math.max(pa - pb, 0));
      double intercept = tp[b] - slope * pb;
      double ratio = pa > 0 && pb > 0 ? divideNoNan(pa, Math.max(pb, 0)) : 1;
      sum += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[b] + fn[b], 0));
    }
    return sum;
  }
}

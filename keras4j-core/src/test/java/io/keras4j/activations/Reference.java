package io.keras4j.activations;

/**
 * The Keras 3 activation formulas in double precision, written from the definitions (not from the
 * main code), for the tests to compare against.
 */
final class Reference {
  static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  static final double SELU_SCALE = 1.0507009873554804934193349852946;

  private Reference() {}

  static double relu(double x) {
    return Math.max(x, 0);
  }

  /** Keras's ReLU.static_call, step by step; maxValue infinite for None. */
  static double relu(double x, double slope, double maxValue, double threshold) {
    double y = x > threshold ? x : 0;
    if (threshold == 0) {
      y = Math.max(x, 0);
    }
    if (maxValue != Double.POSITIVE_INFINITY) {
      y = Math.min(Math.max(y, 0), maxValue);
    }
    return y - slope * Math.max(threshold - x, 0);
  }

  static double relu6(double x) {
    return Math.min(Math.max(x, 0), 6);
  }

  static double leakyRelu(double x, double slope) {
    return Math.max(x, slope * x);
  }

  static double elu(double x, double alpha) {
    return x >= 0 ? x : alpha * Math.expm1(x);
  }

  static double selu(double x) {
    return SELU_SCALE * elu(x, SELU_ALPHA);
  }

  static double celu(double x, double alpha) {
    return x >= 0 ? x : alpha * Math.expm1(x / alpha);
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  static double softsign(double x) {
    return x / (1 + Math.abs(x));
  }

  static double silu(double x) {
    return x * sigmoid(x);
  }

  /** erf by Simpson's rule on 2/sqrt(pi) e^(-t^2): independent of the main code's series. */
  static double erf(double x) {
    int n = 20_000;
    double h = x / n;
    double s = 1 + Math.exp(-x * x);
    for (int i = 1; i < n; i++) {
      double t = i * h;
      s += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
    }
    return 2 / Math.sqrt(Math.PI) * s * h / 3;
  }

  static double gelu(double x) {
    return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
  }

  static double geluApproximate(double x) {
    return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
  }

  static double hardSigmoid(double x) {
    return x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
  }

  static double hardSilu(double x) {
    return x * hardSigmoid(x);
  }

  static double hardTanh(double x) {
    return Math.max(-1, Math.min(1, x));
  }

  static double hardShrink(double x, double t) {
    return Math.abs(x) > t ? x : 0;
  }

  static double softShrink(double x, double t) {
    return x > t ? x - t : x < -t ? x + t : 0;
  }

  static double threshold(double x, double t, double d) {
    return x > t ? x : d;
  }

  static double sparsePlus(double x) {
    return x <= -1 ? 0 : x < 1 ? 0.25 * (x + 1) * (x + 1) : x;
  }

  static double sparseSigmoid(double x) {
    return x <= -1 ? 0 : x >= 1 ? 1 : 0.5 * (x + 1);
  }

  static double logSigmoid(double x) {
    return -softplus(-x);
  }

  static double mish(double x) {
    return x * Math.tanh(softplus(x));
  }

  static double squareplus(double x, double b) {
    return (x + Math.sqrt(x * x + b)) / 2;
  }

  static double tanhShrink(double x) {
    return x - Math.tanh(x);
  }

  static double[] softmax(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    double s = 0;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(x[i] - m);
      s += y[i];
    }
    for (int i = 0; i < x.length; i++) {
      y[i] /= s;
    }
    return y;
  }

  /** Sparsemax by bisection on tau: sum(max(x - tau, 0)) = 1 (a different route from sorting). */
  static double[] sparsemax(double[] x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v - 1);
      hi = Math.max(hi, v);
    }
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      double s = 0;
      for (double v : x) {
        s += Math.max(v - mid, 0);
      }
      if (s > 1) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double tau = (lo + hi) / 2;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(x[i] - tau, 0);
    }
    return y;
  }
}

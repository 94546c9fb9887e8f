package io.keras4j.backend.jvm;

/**
 * The loops of the optimizer family over the values [from, n) of their arrays, one per optimizer,
 * in the float32 arithmetic (and operation order) of each optimizer's formula. This class is the
 * plain-Java implementation; {@link VectorOptimizerLoops} overrides the loops worth vectorizing
 * with the same operations in the same order (no fused multiply-add), so both give identical
 * results.
 */
class OptimizerLoops {

  /** The loops matching {@code kernels}: these for {@link ScalarKernels}, else Vector API ones. */
  static OptimizerLoops forKernels(Kernels kernels) {
    return kernels.getClass() == ScalarKernels.class
        ? new OptimizerLoops()
        : VectorOptimizerLoops.create();
  }

  String name() {
    return "scalar";
  }

  void sgd(float[] w, float[] g, int from, int n, float lr) {
    for (int j = from; j < n; j++) {
      w[j] -= g[j] * lr;
    }
  }

  void sgdMomentum(float[] w, float[] g, float[] m, int from, int n, float lr, float mu) {
    for (int j = from; j < n; j++) {
      m[j] = m[j] * mu - g[j] * lr;
      w[j] += m[j];
    }
  }

  void sgdNesterov(float[] w, float[] g, float[] m, int from, int n, float lr, float mu) {
    for (int j = from; j < n; j++) {
      float step = g[j] * lr;
      m[j] = m[j] * mu - step;
      w[j] += m[j] * mu - step;
    }
  }

  /** vMax is v itself without AMSGrad. */
  void adam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      float[] vMax,
      int from,
      int n,
      float a1,
      float a2,
      float eps,
      float step) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      m[j] += (gj - m[j]) * a1;
      v[j] += (gj * gj - v[j]) * a2;
      vMax[j] = Math.max(vMax[j], v[j]);
      w[j] -= m[j] * step / ((float) Math.sqrt(vMax[j]) + eps);
    }
  }

  /** a (centered) and mom (momentum) may be null. */
  void rmsprop(
      float[] w,
      float[] g,
      float[] v,
      float[] mom,
      float[] a,
      int from,
      int n,
      float lr,
      float r,
      float r1,
      float mu,
      float eps) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      v[j] = r * v[j] + r1 * (gj * gj);
      float denominator;
      if (a != null) {
        a[j] = r * a[j] + r1 * gj;
        denominator = v[j] - a[j] * a[j] + eps;
      } else {
        denominator = v[j] + eps;
      }
      float increment = lr * gj / (float) Math.sqrt(denominator);
      if (mom != null) {
        mom[j] = mu * mom[j] + increment;
        w[j] -= mom[j];
      } else {
        w[j] -= increment;
      }
    }
  }

  void adagrad(float[] w, float[] g, float[] acc, int from, int n, float lr, float eps) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      acc[j] += gj * gj;
      w[j] -= lr * gj / (float) Math.sqrt(acc[j] + eps);
    }
  }

  void adadelta(
      float[] w,
      float[] g,
      float[] ag,
      float[] ad,
      int from,
      int n,
      float lr,
      float r,
      float r1,
      float eps) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      ag[j] = r * ag[j] + r1 * (gj * gj);
      float delta = -((float) Math.sqrt(ad[j] + eps) * gj / (float) Math.sqrt(ag[j] + eps));
      ad[j] = r * ad[j] + r1 * (delta * delta);
      w[j] += lr * delta;
    }
  }

  void adamax(
      float[] w,
      float[] g,
      float[] m,
      float[] u,
      int from,
      int n,
      float lr,
      float c,
      float a1,
      float b2,
      float eps) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      m[j] += (gj - m[j]) * a1;
      u[j] = Math.max(b2 * u[j], Math.abs(gj));
      w[j] -= lr * m[j] / (c * (u[j] + eps));
    }
  }

  /** Scalar in both implementations: the general power has no lanewise form worth its cost. */
  final void ftrl(
      float[] w,
      float[] g,
      float[] acc,
      float[] z,
      int from,
      int n,
      float lr,
      double p,
      float l1,
      float l2,
      float shrink) {
    boolean sqrt = p == 0.5;
    for (int j = from; j < n; j++) {
      float gj = g[j];
      float newAcc = acc[j] + gj * gj;
      float powNew = sqrt ? (float) Math.sqrt(newAcc) : (float) Math.pow(newAcc, p);
      float powOld = sqrt ? (float) Math.sqrt(acc[j]) : (float) Math.pow(acc[j], p);
      z[j] += gj + shrink * w[j] - (powNew - powOld) / lr * w[j];
      float quadratic = powNew / lr + 2 * l2;
      float clipped = Math.max(-l1, Math.min(l1, z[j]));
      w[j] = (clipped - z[j]) / quadratic;
      acc[j] = newAcc;
    }
  }

  void lion(
      float[] w,
      float[] g,
      float[] m,
      int from,
      int n,
      float lr,
      float b1,
      float a1,
      float b2,
      float a2) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      w[j] -= lr * Math.signum(m[j] * b1 + gj * a1);
      m[j] = m[j] * b2 + gj * a2;
    }
  }

  void nadam(
      float[] w,
      float[] g,
      float[] m,
      float[] v,
      int from,
      int n,
      float lr,
      float a1,
      float a2,
      float eps,
      float cm,
      float cg,
      float cv) {
    for (int j = from; j < n; j++) {
      float gj = g[j];
      m[j] += (gj - m[j]) * a1;
      v[j] += (gj * gj - v[j]) * a2;
      float mHat = cm * m[j] + cg * gj;
      w[j] -= mHat * lr / ((float) Math.sqrt(v[j] * cv) + eps);
    }
  }

  void weightDecay(float[] w, int from, int n, float decay, float lr) {
    for (int j = from; j < n; j++) {
      w[j] -= w[j] * decay * lr;
    }
  }

  void scale(float[] g, float s, float[] out, int from, int n) {
    for (int j = from; j < n; j++) {
      out[j] = g[j] * s;
    }
  }

  void clip(float[] g, float lo, float hi, float[] out, int from, int n) {
    for (int j = from; j < n; j++) {
      out[j] = Math.max(lo, Math.min(hi, g[j]));
    }
  }
}

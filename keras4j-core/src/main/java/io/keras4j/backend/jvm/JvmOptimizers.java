package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.OptimizerKernels;
import java.util.Arrays;

/**
 * The Java implementation of {@link OptimizerKernels}: each update one pass over the arrays of the
 * variable, its gradient and its slots ({@link OptimizerLoops}, vectorized when the vector kernels
 * are in use). Hyperparameters become float32 coefficients here, as Keras's float32 arithmetic
 * rounds them ({@code (float) (1 - beta1)}, not {@code 1 - (float) beta1}).
 */
final class JvmOptimizers implements OptimizerKernels {
  private final OptimizerLoops loops;

  JvmOptimizers(Kernels kernels) {
    this.loops = OptimizerLoops.forKernels(kernels);
  }

  /** The loops in use ({@code "scalar"} or {@code "vector"}); for tests and logs. */
  String loopsName() {
    return loops.name();
  }

  private static float[] live(Tensor t) {
    return t == null ? null : JvmTensors.mutableFloats(t);
  }

  /** The values of w, after checking that g has as many. */
  private static int size(Tensor w, Tensor g) {
    int n = (int) w.size();
    check("gradient", g, n);
    return n;
  }

  /** Checks a slot (null: absent) against the variable's size; returns its live values. */
  private static float[] slot(Tensor s, int n) {
    if (s == null) {
      return null;
    }
    check("slot", s, n);
    return JvmTensors.mutableFloats(s);
  }

  private static void check(String what, Tensor t, int n) {
    if (t.size() != n) {
      throw new IllegalArgumentException(
          "optimizer update: the "
              + what
              + " must have as many values as the variable ("
              + n
              + "). Received: "
              + t.size()
              + " values");
    }
  }

  @Override
  public void sgd(Tensor w, Tensor g, Tensor m, float lr, double momentum, boolean nesterov) {
    int n = size(w, g);
    float[] wv = live(w);
    float[] gv = JvmTensors.floats(g);
    if (m == null) {
      loops.sgd(wv, gv, 0, n, lr);
    } else if (nesterov) {
      loops.sgdNesterov(wv, gv, slot(m, n), 0, n, lr, (float) momentum);
    } else {
      loops.sgdMomentum(wv, gv, slot(m, n), 0, n, lr, (float) momentum);
    }
  }

  @Override
  public void adam(
      Tensor w,
      Tensor g,
      Tensor m,
      Tensor v,
      Tensor vHat,
      float alpha,
      double beta1,
      double beta2,
      double epsilon) {
    int n = size(w, g);
    float[] vv = slot(v, n);
    loops.adam(
        live(w),
        JvmTensors.floats(g),
        slot(m, n),
        vv,
        vHat == null ? vv : slot(vHat, n),
        0,
        n,
        (float) (1 - beta1),
        (float) (1 - beta2),
        (float) epsilon,
        alpha);
  }

  @Override
  public void rmsprop(
      Tensor w,
      Tensor g,
      Tensor velocity,
      Tensor mom,
      Tensor averageGradient,
      float lr,
      double rho,
      double momentum,
      double epsilon) {
    int n = size(w, g);
    loops.rmsprop(
        live(w),
        JvmTensors.floats(g),
        slot(velocity, n),
        slot(mom, n),
        slot(averageGradient, n),
        0,
        n,
        lr,
        (float) rho,
        (float) (1 - rho),
        (float) momentum,
        (float) epsilon);
  }

  @Override
  public void adagrad(Tensor w, Tensor g, Tensor accumulator, float lr, double epsilon) {
    int n = size(w, g);
    loops.adagrad(live(w), JvmTensors.floats(g), slot(accumulator, n), 0, n, lr, (float) epsilon);
  }

  @Override
  public void adadelta(
      Tensor w,
      Tensor g,
      Tensor accumulatedGrad,
      Tensor accumulatedDelta,
      float lr,
      double rho,
      double epsilon) {
    int n = size(w, g);
    loops.adadelta(
        live(w),
        JvmTensors.floats(g),
        slot(accumulatedGrad, n),
        slot(accumulatedDelta, n),
        0,
        n,
        lr,
        (float) rho,
        (float) (1 - rho),
        (float) epsilon);
  }

  @Override
  public void adamax(
      Tensor w,
      Tensor g,
      Tensor m,
      Tensor u,
      float lr,
      float correction,
      double beta1,
      double beta2,
      double epsilon) {
    int n = size(w, g);
    loops.adamax(
        live(w),
        JvmTensors.floats(g),
        slot(m, n),
        slot(u, n),
        0,
        n,
        lr,
        correction,
        (float) (1 - beta1),
        (float) beta2,
        (float) epsilon);
  }

  @Override
  public void ftrl(
      Tensor w,
      Tensor g,
      Tensor accumulator,
      Tensor linear,
      float lr,
      double learningRatePower,
      double l1,
      double l2,
      double l2Shrinkage,
      double beta) {
    int n = size(w, g);
    loops.ftrl(
        live(w),
        JvmTensors.floats(g),
        slot(accumulator, n),
        slot(linear, n),
        0,
        n,
        lr,
        -learningRatePower,
        (float) l1,
        (float) (l2 + beta / (2.0 * lr)),
        (float) (2 * l2Shrinkage));
  }

  @Override
  public void lion(Tensor w, Tensor g, Tensor m, float lr, double beta1, double beta2) {
    int n = size(w, g);
    loops.lion(
        live(w),
        JvmTensors.floats(g),
        slot(m, n),
        0,
        n,
        lr,
        (float) beta1,
        (float) (1 - beta1),
        (float) beta2,
        (float) (1 - beta2));
  }

  @Override
  public void nadam(
      Tensor w,
      Tensor g,
      Tensor m,
      Tensor v,
      float lr,
      float momentumScale,
      float gradientScale,
      float velocityScale,
      double beta1,
      double beta2,
      double epsilon) {
    int n = size(w, g);
    loops.nadam(
        live(w),
        JvmTensors.floats(g),
        slot(m, n),
        slot(v, n),
        0,
        n,
        lr,
        (float) (1 - beta1),
        (float) (1 - beta2),
        (float) epsilon,
        momentumScale,
        gradientScale,
        velocityScale);
  }

  @Override
  public void weightDecay(Tensor w, float decay, float lr) {
    loops.weightDecay(live(w), 0, (int) w.size(), decay, lr);
  }

  @Override
  public double sumOfSquares(Tensor g) {
    // Sequential, in double: the clipping norms then match the reference exactly.
    double s = 0;
    for (float x : JvmTensors.floats(g)) {
      s += (double) x * x;
    }
    return s;
  }

  @Override
  public void scale(Tensor g, float s, Tensor out) {
    int n = (int) g.size();
    loops.scale(JvmTensors.floats(g), s, slot(out, n), 0, n);
  }

  @Override
  public void clip(Tensor g, float lo, float hi, Tensor out) {
    int n = (int) g.size();
    loops.clip(JvmTensors.floats(g), lo, hi, slot(out, n), 0, n);
  }

  @Override
  public void fill(Tensor target, double value) {
    if (target.dtype() == DType.INT32) {
      Arrays.fill(JvmTensors.mutableInts(target), (int) value);
    } else {
      Arrays.fill(JvmTensors.mutableFloats(target), (float) value);
    }
  }

  @Override
  public float[] hostFloats(Tensor t) {
    return JvmTensors.mutableFloats(t);
  }
}

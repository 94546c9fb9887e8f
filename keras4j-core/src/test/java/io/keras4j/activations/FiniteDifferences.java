package io.keras4j.activations;

import io.keras4j.Tensor;
import io.keras4j.ops.GradientTape;
import io.keras4j.ops.Ops;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A small gradient checker for this package's tests: the tape's gradient of {@code sum(w * f(x))}
 * (random fixed weights w, so that every entry of the Jacobian counts) against central differences
 * computed from float32 forward passes, accumulated in double.
 */
final class FiniteDifferences {
  private FiniteDifferences() {}

  static void assertGradient(String what, UnaryOperator<Tensor> f, Tensor x) {
    assertGradient(what, f, x, 1e-2, 2e-3, 1e-2);
  }

  /**
   * @param h the step; large enough that float32 rounding of f stays small against 2h
   * @param absTol absolute tolerance per entry
   * @param relTol tolerance relative to the larger of the two gradients
   */
  static void assertGradient(
      String what, UnaryOperator<Tensor> f, Tensor x, double h, double absTol, double relTol) {
    Tensor probe = f.apply(x);
    float[] w = new float[(int) probe.size()];
    SplittableRandom rng = new SplittableRandom(42);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (0.5 + rng.nextDouble());
    }
    Tensor weights = Tensor.of(w, probe.shape());

    Tensor analytic;
    try (GradientTape tape = new GradientTape()) {
      tape.watch(x);
      Tensor loss = Ops.sum(Ops.multiply(f.apply(x), weights));
      analytic = tape.gradient(loss, List.of(x)).get(0);
    }
    float[] ga = analytic.toFloatArray();
    float[] xv = x.toFloatArray();
    int[] shape = x.shape();
    for (int i = 0; i < xv.length; i++) {
      float[] plus = xv.clone();
      float[] minus = xv.clone();
      plus[i] = (float) (xv[i] + h);
      minus[i] = (float) (xv[i] - h);
      double step = (double) plus[i] - minus[i];
      double numeric =
          (weighted(f.apply(Tensor.of(plus, shape)), w)
                  - weighted(f.apply(Tensor.of(minus, shape)), w))
              / step;
      double tol = absTol + relTol * Math.max(Math.abs(numeric), Math.abs(ga[i]));
      if (!(Math.abs(numeric - ga[i]) <= tol)) {
        throw new AssertionError(
            what
                + ": gradient at index "
                + i
                + " (x="
                + xv[i]
                + ") is "
                + ga[i]
                + " but central differences give "
                + numeric);
      }
    }
  }

  private static double weighted(Tensor y, float[] w) {
    float[] v = y.toFloatArray();
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += (double) v[i] * w[i];
    }
    return s;
  }
}

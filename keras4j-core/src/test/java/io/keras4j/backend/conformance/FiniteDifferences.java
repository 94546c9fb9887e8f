package io.keras4j.backend.conformance;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Checks a backend's backward primitive against central finite differences of its forward one,
 * without a tape: the output is weighted by fixed random weights {@code w} (so no element is
 * ignored), the backward gets {@code w} as the output gradient, and each input element's gradient
 * is compared with {@code (L(x + h) - L(x - h)) / 2h}, {@code L = sum(w * f(x))} in double
 * precision, as {@code io.keras4j.testing.GradientCheck} does through the tape.
 */
final class FiniteDifferences {
  private static final double RTOL = 1e-2;
  private static final double ATOL = 1e-3;
  private static final double DELTA = 1e-2;

  private FiniteDifferences() {}

  /**
   * Checks the gradients of the inputs listed in {@code which}: {@code backward.apply(inputs, dy)}
   * returns one gradient per input (null for inputs without one).
   */
  static void check(
      String what,
      Function<Tensor[], Tensor> forward,
      BiFunction<Tensor[], Tensor, Tensor[]> backward,
      int[] which,
      Tensor... inputs) {
    Tensor y = forward.apply(inputs);
    Tensor w = weights(ShapeRefs.of(y));
    Tensor[] grads = backward.apply(inputs, w);
    double[] wv = MathReference.doubles(w);
    for (int i : which) {
      Tensor x = inputs[i];
      Tensor g = grads[i];
      if (g == null) {
        throw new AssertionError(what + ": no gradient for input " + i);
      }
      if (!Arrays.equals(ShapeRefs.of(x), ShapeRefs.of(g))) {
        throw new AssertionError(
            what
                + ": gradient of input "
                + i
                + " has shape "
                + Arrays.toString(ShapeRefs.of(g))
                + ", expected "
                + Arrays.toString(ShapeRefs.of(x)));
      }
      float[] analytic = g.toFloatArray();
      float[] base = x.toFloatArray();
      for (int j = 0; j < base.length; j++) {
        double h = DELTA * Math.max(1, Math.abs(base[j]));
        float xp = (float) (base[j] + h);
        float xm = (float) (base[j] - h);
        double lp = weighted(forward, inputs, i, base, j, xp, wv);
        double lm = weighted(forward, inputs, i, base, j, xm, wv);
        double numeric = (lp - lm) / ((double) xp - (double) xm);
        double tol = ATOL + RTOL * Math.max(Math.abs(numeric), Math.abs(analytic[j]));
        if (!(Math.abs(analytic[j] - numeric) <= tol)) {
          throw new AssertionError(
              String.format(
                  "%s: gradient of input %d at %s (value %s): backward gives %.6g, finite"
                      + " differences %.6g",
                  what,
                  i,
                  Arrays.toString(MathReference.unflatten(j, ShapeRefs.of(x))),
                  base[j],
                  analytic[j],
                  numeric));
        }
      }
    }
  }

  private static double weighted(
      Function<Tensor[], Tensor> f,
      Tensor[] inputs,
      int i,
      float[] base,
      int j,
      float v,
      double[] w) {
    float[] data = base.clone();
    data[j] = v;
    Tensor[] args = inputs.clone();
    args[i] = Tensor.of(data, inputs[i].shape());
    float[] y = f.apply(args).toFloatArray();
    double s = 0;
    for (int k = 0; k < y.length; k++) {
      s += w[k] * y[k];
    }
    return s;
  }

  private static Tensor weights(int[] shape) {
    Random r = new Random(20240531L);
    float[] w = new float[(int) Shapes.size(shape)];
    for (int k = 0; k < w.length; k++) {
      w[k] = (float) ((0.5 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
    }
    return Tensor.of(w, shape);
  }
}

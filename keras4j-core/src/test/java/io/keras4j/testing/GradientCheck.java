package io.keras4j.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.ops.GradientTape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Checks the gradients a {@link GradientTape} computes against central finite differences.
 *
 * <p>The function's output is reduced to a number with a fixed random weighting {@code sum(w *
 * f(inputs))}, so every output element matters and mistakes cannot cancel out. The tape's gradient
 * of that number (the weights passed as the output gradient) is compared, element by element, with
 * {@code (L(x + h) - L(x - h)) / 2h} evaluated in double precision over the float32 op. Int32
 * inputs are passed through and not differentiated. Inputs are copied first; the check also fails
 * if the function changes a tensor it was given.
 *
 * <pre>{@code
 * GradientCheck.check(xs -> Ops.multiply(xs.get(0), xs.get(1)), a, b);
 * GradientCheck.checkUnary(Ops::tanh, x);
 * GradientCheck.withDelta(1e-3).verify(xs -> Ops.log(xs.get(0)), x);
 * }</pre>
 *
 * <p>Choose inputs away from kinks (relu at 0, clip bounds, ties of max) by more than the step.
 */
public final class GradientCheck {
  /** Relative tolerance, absolute tolerance and step (relative to max(1, |x|)) by default. */
  public static final double RTOL = 1e-2;

  public static final double ATOL = 1e-3;
  public static final double DELTA = 1e-2;

  private static final long SEED = 20240531L;

  private final double rtol;
  private final double atol;
  private final double delta;

  private GradientCheck(double rtol, double atol, double delta) {
    this.rtol = rtol;
    this.atol = atol;
    this.delta = delta;
  }

  /** Checks {@code f} at the given inputs with the default tolerances. */
  public static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
    new GradientCheck(RTOL, ATOL, DELTA).verify(f, inputs);
  }

  /** Checks a function of one tensor. */
  public static void checkUnary(Function<Tensor, Tensor> f, Tensor x) {
    check(xs -> f.apply(xs.get(0)), x);
  }

  /** A checker with other tolerances (and the default step). */
  public static GradientCheck withTolerance(double rtol, double atol) {
    return new GradientCheck(rtol, atol, DELTA);
  }

  /** A checker with another finite-difference step (and the default tolerances). */
  public static GradientCheck withDelta(double delta) {
    return new GradientCheck(RTOL, ATOL, delta);
  }

  /** This checker with another step. */
  public GradientCheck delta(double h) {
    return new GradientCheck(rtol, atol, h);
  }

  /** Runs the check; fails naming the input, the element and both values on a mismatch. */
  public void verify(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
    List<float[]> originalFloats = new ArrayList<>();
    List<int[]> originalInts = new ArrayList<>();
    List<Tensor> work = new ArrayList<>();
    for (Tensor t : inputs) {
      boolean isFloat = t.dtype() == DType.FLOAT32;
      originalFloats.add(isFloat ? t.toFloatArray() : null);
      originalInts.add(isFloat ? null : t.toIntArray());
      work.add(
          isFloat
              ? Tensor.of(t.toFloatArray(), t.shape())
              : Tensor.ofInts(t.toIntArray(), t.shape()));
    }

    Tensor y;
    Tensor weights;
    List<Tensor> sources = new ArrayList<>();
    List<Integer> sourceIndex = new ArrayList<>();
    List<Tensor> grads;
    try (GradientTape tape = new GradientTape()) {
      for (int i = 0; i < work.size(); i++) {
        if (work.get(i).dtype() == DType.FLOAT32) {
          tape.watch(work.get(i));
          sources.add(work.get(i));
          sourceIndex.add(i);
        }
      }
      y = f.apply(work);
      weights = randomWeights(ShapeRefs.of(y));
      grads = tape.gradient(y, sources, weights);
    }
    if (y.dtype() != DType.FLOAT32) {
      fail("GradientCheck needs a float32 output. Received: dtype=" + y.dtype());
    }
    // Before the finite differences, which would only report the symptom.
    for (int i = 0; i < inputs.length; i++) {
      String message = "The function changed its input " + i;
      if (originalFloats.get(i) != null) {
        assertArrayEquals(originalFloats.get(i), inputs[i].toFloatArray(), message);
        assertArrayEquals(originalFloats.get(i), work.get(i).toFloatArray(), message);
      } else {
        assertArrayEquals(originalInts.get(i), inputs[i].toIntArray(), message);
        assertArrayEquals(originalInts.get(i), work.get(i).toIntArray(), message);
      }
    }

    double[] w = toDoubles(weights.toFloatArray());

    for (int s = 0; s < sources.size(); s++) {
      int i = sourceIndex.get(s);
      Tensor x = work.get(i);
      Tensor g = grads.get(s);
      assertArrayEquals(
          ShapeRefs.of(x),
          ShapeRefs.of(g),
          "Gradient of input " + i + " has the wrong shape " + Shapes.toString(ShapeRefs.of(g)));
      float[] analytic = g.toFloatArray();
      float[] base = x.toFloatArray();
      for (int j = 0; j < base.length; j++) {
        double numeric = finiteDifference(f, work, i, base, j, w);
        double a = analytic[j];
        double tol = atol + rtol * Math.max(Math.abs(a), Math.abs(numeric));
        if (!(Math.abs(a - numeric) <= tol)) {
          fail(
              String.format(
                  "Gradient of input %d at element %d (index %s of shape %s, value %s): tape gives"
                      + " %.6g, finite differences give %.6g (rtol=%s, atol=%s, delta=%s)",
                  i,
                  j,
                  position(ShapeRefs.of(x), j),
                  Shapes.toString(ShapeRefs.of(x)),
                  base[j],
                  a,
                  numeric,
                  rtol,
                  atol,
                  delta));
        }
      }
    }
  }

  private double finiteDifference(
      Function<List<Tensor>, Tensor> f, List<Tensor> work, int i, float[] base, int j, double[] w) {
    float x0 = base[j];
    double h = delta * Math.max(1.0, Math.abs(x0));
    float xp = (float) (x0 + h);
    float xm = (float) (x0 - h);
    double lp = evaluate(f, work, i, base, j, xp, w);
    double lm = evaluate(f, work, i, base, j, xm, w);
    // The float32 points actually used, not x0 +- h, set the denominator.
    return (lp - lm) / ((double) xp - (double) xm);
  }

  private static double evaluate(
      Function<List<Tensor>, Tensor> f,
      List<Tensor> work,
      int i,
      float[] base,
      int j,
      float value,
      double[] w) {
    float[] data = base.clone();
    data[j] = value;
    List<Tensor> args = new ArrayList<>(work);
    args.set(i, Tensor.of(data, work.get(i).shape()));
    float[] y = f.apply(args).toFloatArray();
    assertEquals(w.length, y.length, "The output size changed when an input moved");
    double sum = 0;
    for (int k = 0; k < y.length; k++) {
      sum += w[k] * y[k];
    }
    return sum;
  }

  private static Tensor randomWeights(int[] shape) {
    Random r = new Random(SEED);
    float[] w = new float[(int) Shapes.size(shape)];
    for (int k = 0; k < w.length; k++) {
      // Magnitudes in [0.5, 1.5] with random signs: no output is ignored.
      w[k] = (float) ((0.5 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
    }
    return Tensor.of(w, shape);
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int k = 0; k < f.length; k++) {
      d[k] = f[k];
    }
    return d;
  }

  private static String position(int[] shape, int flat) {
    int[] at = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = flat % shape[d];
      flat /= shape[d];
    }
    return Arrays.toString(at);
  }
}

package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.LENGTHS;
import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.line;
import static io.keras4j.backend.conformance.MathReference.lines;
import static io.keras4j.backend.conformance.MathReference.map;
import static io.keras4j.backend.conformance.MathReference.sigmoid;
import static io.keras4j.backend.conformance.MathReference.uniform;
import static io.keras4j.backend.conformance.MathReference.withoutAxis;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.ActivationOp;
import io.keras4j.backend.NnKernels;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The primitives of {@link NnKernels} against double-precision references: every activation (with
 * infinities and NaN, lengths that leave a vector tail) and its gradient by finite differences;
 * softmax and log-softmax along the last and other axes, with large and infinite logits, and their
 * gradients; the three cross-entropies from probabilities (clipped as Keras) and from logits, along
 * the last and another axis, with their gradients; the sparsemax support.
 */
class NnConformanceTest extends ConformanceBase {
  private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  private static final double SELU_SCALE = 1.0507009873554804934193349852946;
  private static final double EPS = 1e-7;

  private static final float[] SPECIALS = {
    0f,
    -0f,
    1e-30f,
    -3f,
    3f,
    6f,
    2.9f,
    -2.9f,
    100f,
    -100f,
    88.5f,
    -88.5f,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.NaN
  };

  /** Gradient-check inputs away from the kinks at -3, 0, 3 and 6. */
  private static final Tensor SMOOTH =
      Tensor.of(new float[] {-4.5f, -2.2f, -0.9f, -0.3f, 0.35f, 1.1f, 2.6f, 4.4f, 6.5f}, 3, 3);

  private NnKernels nn() {
    return backend().nn();
  }

  private static double hardSigmoid(double x) {
    return Math.min(Math.max(x / 6 + 0.5, 0), 1);
  }

  private static DoubleUnaryOperator ref(ActivationOp op) {
    return switch (op) {
      case RELU6 -> x -> Math.min(Math.max(x, 0), 6);
      case SELU -> x -> SELU_SCALE * (x >= 0 ? x : SELU_ALPHA * Math.expm1(x));
      case GELU -> x -> 0.5 * x * (1 + MathReference.erf(x / Math.sqrt(2)));
      case GELU_APPROXIMATE ->
          x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
      case SILU -> x -> x * sigmoid(x);
      case HARD_SIGMOID -> NnConformanceTest::hardSigmoid;
      case HARD_SILU -> x -> x * hardSigmoid(x);
      case LOG_SIGMOID -> x -> Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
    };
  }

  @Test
  void everyActivationOnEveryLength() {
    long seed = 1;
    Tensor s = Tensor.of(SPECIALS);
    for (ActivationOp op : ActivationOp.values()) {
      for (int n : LENGTHS) {
        Tensor x = uniform(seed++, -8, 8, n);
        assertClose(
            op + " n=" + n, ShapeRefs.of(x), map(x, ref(op)), nn().activation(op, x), 1e-5, 1e-6);
      }
      assertClose(
          op + " specials", ShapeRefs.of(s), map(s, ref(op)), nn().activation(op, s), 1e-5, 1e-6);
    }
    for (float slope : new float[] {0.2f, 0.01f, -0.5f}) {
      DoubleUnaryOperator f = x -> x >= 0 ? x : slope * x;
      for (int n : LENGTHS) {
        Tensor x = uniform(seed++, -8, 8, n);
        assertClose(
            "leakyRelu n=" + n, ShapeRefs.of(x), map(x, f), nn().leakyRelu(x, slope), 1e-6, 0);
      }
      assertClose(
          "leakyRelu specials", ShapeRefs.of(s), map(s, f), nn().leakyRelu(s, slope), 1e-6, 0);
    }
    for (float alpha : new float[] {1f, 0.5f}) {
      DoubleUnaryOperator f = x -> x >= 0 ? x : alpha * Math.expm1(x);
      for (int n : LENGTHS) {
        Tensor x = uniform(seed++, -8, 8, n);
        assertClose("elu n=" + n, ShapeRefs.of(x), map(x, f), nn().elu(x, alpha), 1e-5, 1e-6);
      }
      assertClose("elu specials", ShapeRefs.of(s), map(s, f), nn().elu(s, alpha), 1e-5, 1e-6);
    }
  }

  @Test
  void everyActivationGradientByFiniteDifferences() {
    for (ActivationOp op : ActivationOp.values()) {
      FiniteDifferences.check(
          op + " backward",
          in -> nn().activation(op, in[0]),
          (in, dy) ->
              new Tensor[] {nn().activationBackward(op, in[0], nn().activation(op, in[0]), dy)},
          new int[] {0},
          SMOOTH);
    }
    FiniteDifferences.check(
        "leakyRelu backward",
        in -> nn().leakyRelu(in[0], 0.2f),
        (in, dy) -> new Tensor[] {nn().leakyReluBackward(in[0], 0.2f, dy)},
        new int[] {0},
        SMOOTH);
    FiniteDifferences.check(
        "elu backward",
        in -> nn().elu(in[0], 0.7f),
        (in, dy) -> new Tensor[] {nn().eluBackward(in[0], 0.7f, dy)},
        new int[] {0},
        SMOOTH);
  }

  // ---- softmax ------------------------------------------------------------------------------

  /** Shapes and axes: the last axis at every length, and other axes. */
  private static int[][][] softmaxCases() {
    int[][][] fixed = {
      {{4, 10}, {1}},
      {{4, 10}, {0}},
      {{3, 17}, {0}},
      {{2, 3, 5}, {1}},
      {{2, 3, 5}, {2}},
      {{5, 1}, {1}},
      {{64, 33}, {1}}
    };
    int[][][] cases = new int[fixed.length + LENGTHS.length - 1][][];
    int k = 0;
    for (int n : LENGTHS) {
      if (n > 0) {
        cases[k++] = new int[][] {{3, n}, {1}};
      }
    }
    System.arraycopy(fixed, 0, cases, k, fixed.length);
    return cases;
  }

  private static double[][] softmaxReference(Tensor x, int axis) {
    int[] shape = ShapeRefs.of(x);
    double[] v = doubles(x);
    double[] sm = new double[v.length];
    double[] lsm = new double[v.length];
    for (int r = 0; r < lines(shape, axis); r++) {
      int[] idx = line(shape, axis, r);
      double m = Double.NEGATIVE_INFINITY;
      for (int p : idx) {
        m = Math.max(m, v[p]);
      }
      double s = 0;
      for (int p : idx) {
        s += Math.exp(v[p] - m);
      }
      for (int p : idx) {
        sm[p] = Math.exp(v[p] - m) / s;
        lsm[p] = v[p] - m - Math.log(s);
      }
    }
    return new double[][] {sm, lsm};
  }

  @Test
  void softmaxAndLogSoftmaxAlongEveryAxis() {
    long seed = 100;
    for (int[][] c : softmaxCases()) {
      int axis = c[1][0];
      for (double scale : new double[] {3, 300}) {
        Tensor x = uniform(seed++, -scale, scale, c[0]);
        double[][] e = softmaxReference(x, axis);
        String what = Arrays.toString(c[0]) + " axis " + axis + " scale " + scale;
        assertClose("softmax " + what, c[0], e[0], nn().softmax(x, axis), 1e-5, 1e-7);
        assertClose("logSoftmax " + what, c[0], e[1], nn().logSoftmax(x, axis), 1e-5, 2e-5);
      }
    }
    Tensor inf =
        Tensor.of(new float[] {Float.NEGATIVE_INFINITY, 0, 1, 2, Float.NEGATIVE_INFINITY, 5}, 2, 3);
    double[][] e = softmaxReference(inf, 1);
    assertClose("softmax with -inf", ShapeRefs.of(inf), e[0], nn().softmax(inf, 1), 1e-6, 1e-7);
    assertClose(
        "logSoftmax with -inf", ShapeRefs.of(inf), e[1], nn().logSoftmax(inf, 1), 1e-6, 1e-6);
  }

  @Test
  void softmaxGradientsByFiniteDifferences() {
    int[][][] cases = {{{3, 5}, {1}}, {{2, 3, 4}, {1}}, {{4, 3}, {0}}, {{2, 17}, {1}}};
    long seed = 200;
    for (int[][] c : cases) {
      int axis = c[1][0];
      Tensor x = uniform(seed++, -2, 2, c[0]);
      String what = Arrays.toString(c[0]) + " axis " + axis;
      FiniteDifferences.check(
          "softmax backward " + what,
          in -> nn().softmax(in[0], axis),
          (in, dy) -> new Tensor[] {nn().softmaxBackward(nn().softmax(in[0], axis), dy, axis)},
          new int[] {0},
          x);
      FiniteDifferences.check(
          "logSoftmax backward " + what,
          in -> nn().logSoftmax(in[0], axis),
          (in, dy) ->
              new Tensor[] {nn().logSoftmaxBackward(nn().logSoftmax(in[0], axis), dy, axis)},
          new int[] {0},
          x);
    }
  }

  // ---- cross-entropies -----------------------------------------------------------------------

  @Test
  void binaryCrossentropyClipsProbabilitiesAndIsStableFromLogits() {
    for (int n : LENGTHS) {
      Tensor t = uniform(n + 1, 0, 1, n);
      Tensor p = uniform(n + 2, -0.05, 1.05, n); // some outside [0, 1]: clipped
      Tensor z = uniform(n + 3, -40, 40, n);
      double[] tv = doubles(t);
      double[] pv = doubles(p);
      double[] zv = doubles(z);
      double[] ep = new double[n];
      double[] ez = new double[n];
      for (int i = 0; i < n; i++) {
        double q = Math.min(Math.max(pv[i], EPS), (float) (1 - EPS));
        ep[i] = -(tv[i] * Math.log(q) + (1 - tv[i]) * Math.log(1 - q));
        ez[i] = Math.max(zv[i], 0) - zv[i] * tv[i] + Math.log1p(Math.exp(-Math.abs(zv[i])));
      }
      assertClose(
          "bce n=" + n, ShapeRefs.of(t), ep, nn().binaryCrossentropy(t, p, false), 1e-5, 1e-6);
      assertClose(
          "bce logits n=" + n,
          ShapeRefs.of(t),
          ez,
          nn().binaryCrossentropy(t, z, true),
          1e-5,
          1e-6);
    }
    Tensor t = uniform(5, 0, 1, 2, 4);
    for (boolean logits : new boolean[] {false, true}) {
      Tensor o = logits ? uniform(6, -3, 3, 2, 4) : uniform(6, 0.05, 0.95, 2, 4);
      FiniteDifferences.check(
          "bce backward" + (logits ? " from logits" : ""),
          in -> nn().binaryCrossentropy(in[0], in[1], logits),
          (in, dy) -> nn().binaryCrossentropyBackward(in[0], in[1], logits, dy, true),
          new int[] {0, 1},
          t,
          o);
    }
  }

  /** A target with rows summing to 1 along the axis (soft labels). */
  private static Tensor softTarget(long seed, int[] shape, int axis) {
    double[] v = doubles(uniform(seed, 0, 1, shape));
    for (int r = 0; r < lines(shape, axis); r++) {
      int[] idx = line(shape, axis, r);
      double s = 0;
      for (int p : idx) {
        s += v[p];
      }
      for (int p : idx) {
        v[p] /= s;
      }
    }
    return Tensor.of(MathConformanceTest.floats(v), shape);
  }

  /** Per line: {@code -sum(t * log p)}, p the clipped renormalized output or the softmax. */
  private static double[] categoricalReference(Tensor t, Tensor o, boolean logits, int axis) {
    int[] shape = ShapeRefs.of(o);
    double[] tv = doubles(t);
    double[] ov = doubles(o);
    double[] lsm = softmaxReference(o, axis)[1];
    double[] out = new double[lines(shape, axis)];
    for (int r = 0; r < out.length; r++) {
      int[] idx = line(shape, axis, r);
      double s = 0;
      for (int p : idx) {
        s += ov[p];
      }
      double acc = 0;
      for (int p : idx) {
        double logP =
            logits
                ? lsm[p]
                : Math.log(Math.min(Math.max((float) (ov[p] / s), EPS), (float) (1 - EPS)));
        acc += tv[p] * logP;
      }
      out[r] = -acc;
    }
    return out;
  }

  private static final int[][][] CLASS_CASES = {
    {{4, 10}, {1}},
    {{3, 17}, {1}},
    {{5, 1}, {1}},
    {{6, 33}, {1}},
    {{4, 10}, {0}},
    {{2, 3, 5}, {1}},
    {{7}, {0}},
    {{2, 1027}, {1}}
  };

  @Test
  void categoricalCrossentropyAlongEveryAxis() {
    long seed = 400;
    for (int[][] c : CLASS_CASES) {
      int axis = c[1][0];
      Tensor t = softTarget(seed++, c[0], axis);
      for (boolean logits : new boolean[] {false, true}) {
        Tensor o = logits ? uniform(seed++, -30, 30, c[0]) : uniform(seed++, 0, 1, c[0]);
        assertClose(
            "cce " + Arrays.toString(c[0]) + " axis " + axis + (logits ? " from logits" : ""),
            withoutAxis(c[0], axis),
            categoricalReference(t, o, logits, axis),
            nn().categoricalCrossentropy(t, o, logits, axis),
            2e-5,
            2e-5);
      }
    }
  }

  @Test
  void sparseCategoricalCrossentropyAlongEveryAxis() {
    long seed = 500;
    for (int[][] c : CLASS_CASES) {
      int axis = c[1][0];
      int[] ls = withoutAxis(c[0], axis);
      Tensor labels = labels(seed++, ls, c[0][axis]);
      Tensor onehot = oneHot(labels, c[0], axis);
      for (boolean logits : new boolean[] {false, true}) {
        Tensor o = logits ? uniform(seed++, -30, 30, c[0]) : uniform(seed++, 0, 1, c[0]);
        assertClose(
            "sparse cce "
                + Arrays.toString(c[0])
                + " axis "
                + axis
                + (logits ? " from logits" : ""),
            ls,
            categoricalReference(onehot, o, logits, axis),
            nn().sparseCategoricalCrossentropy(labels, o, logits, axis),
            2e-5,
            2e-5);
      }
    }
  }

  private static Tensor labels(long seed, int[] shape, int classes) {
    Random r = new Random(seed);
    int[] l = new int[(int) Shapes.size(shape)];
    for (int i = 0; i < l.length; i++) {
      l[i] = r.nextInt(classes);
    }
    return Tensor.ofInts(l, shape);
  }

  private static Tensor oneHot(Tensor labels, int[] shape, int axis) {
    int[] l = labels.toIntArray();
    float[] v = new float[(int) Shapes.size(shape)];
    for (int r = 0; r < l.length; r++) {
      v[line(shape, axis, r)[l[r]]] = 1f;
    }
    return Tensor.of(v, shape);
  }

  @Test
  void crossentropyGradientsByFiniteDifferences() {
    int[][][] cases = {{{3, 5}, {1}}, {{4, 3}, {0}}, {{2, 3, 4}, {1}}, {{2, 17}, {1}}};
    long seed = 600;
    for (int[][] c : cases) {
      int axis = c[1][0];
      Tensor t = softTarget(seed++, c[0], axis);
      Tensor labels = labels(seed++, withoutAxis(c[0], axis), c[0][axis]);
      for (boolean logits : new boolean[] {false, true}) {
        Tensor o = logits ? uniform(seed++, -3, 3, c[0]) : uniform(seed++, 0.1, 1, c[0]);
        String what = Arrays.toString(c[0]) + " axis " + axis + (logits ? " from logits" : "");
        FiniteDifferences.check(
            "cce backward " + what,
            in -> nn().categoricalCrossentropy(in[0], in[1], logits, axis),
            (in, dy) -> nn().categoricalCrossentropyBackward(in[0], in[1], logits, axis, dy, true),
            new int[] {0, 1},
            t,
            o);
        FiniteDifferences.check(
            "sparse cce backward " + what,
            in -> nn().sparseCategoricalCrossentropy(labels, in[0], logits, axis),
            (in, dy) ->
                new Tensor[] {
                  nn().sparseCategoricalCrossentropyBackward(labels, in[0], logits, axis, dy)
                },
            new int[] {0},
            o);
      }
    }
  }

  @Test
  void fusedSoftmaxGradientIsSoftmaxMinusOneHot() {
    Tensor z = uniform(9, -4, 4, 6, 10);
    Tensor labels = labels(10, new int[] {6}, 10);
    Tensor g = nn().sparseCategoricalCrossentropyBackward(labels, z, true, 1, Tensor.full(1f, 6));
    double[] expected = softmaxReference(z, 1)[0];
    int[] l = labels.toIntArray();
    for (int r = 0; r < 6; r++) {
      expected[r * 10 + l[r]] -= 1;
    }
    assertClose("softmax - onehot", ShapeRefs.of(z), expected, g, 1e-5, 1e-7);
    // A clipped probability passes no gradient.
    Tensor p = Tensor.of(new float[] {0f, 1f}, 1, 2);
    Tensor gp =
        nn().sparseCategoricalCrossentropyBackward(
                Tensor.ofInts(new int[] {0}, 1), p, false, 1, Tensor.of(1f));
    assertArrayEquals(new float[] {0f, 0f}, gp.toFloatArray());
  }

  @Test
  void sparsemaxSupportKeepsTheLargestValuesOfEachLine() {
    long seed = 700;
    int[][][] cases = {{{4, 10}, {1}}, {{3, 17}, {0}}, {{2, 3, 5}, {1}}, {{1, 1}, {1}}};
    for (int[][] c : cases) {
      int axis = c[1][0];
      Tensor x = uniform(seed++, -2, 2, c[0]);
      double[] v = doubles(x);
      double[] expected = new double[v.length];
      for (int r = 0; r < lines(c[0], axis); r++) {
        int[] idx = line(c[0], axis, r);
        // tau solves sum(max(x - tau, 0)) = 1; the support is where x > tau.
        double lo = -10;
        double hi = 10;
        for (int it = 0; it < 200; it++) {
          double tau = (lo + hi) / 2;
          double s = 0;
          for (int p : idx) {
            s += Math.max(v[p] - tau, 0);
          }
          if (s > 1) {
            lo = tau;
          } else {
            hi = tau;
          }
        }
        for (int p : idx) {
          expected[p] = v[p] > lo ? 1 : 0;
        }
      }
      assertClose(
          "sparsemax support " + Arrays.toString(c[0]),
          c[0],
          expected,
          nn().sparsemaxSupport(x, axis),
          0,
          0);
    }
    // Ties with the smallest kept value are kept too.
    assertArrayEquals(
        new float[] {1, 1, 0}, nn().sparsemaxSupport(Tensor.of(1f, 1f, -5f), 0).toFloatArray());
  }
}

package io.keras4j.backend.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API loops of the math and nn families against the scalar ones, every method, at
 * offsets and lengths around the vector width (whole vectors, tails, a single element). Lanewise
 * transcendental functions are not bit-identical to {@link Math}'s: values agree within a few ulp.
 * Runs where the Vector API module is readable (the main test run).
 */
class VectorLoopsTest {
  private static final int[] LENGTHS = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 1001};
  private final Loops scalar = Loops.scalar();
  private final Loops vector = VectorLoopsFactory.create();
  private final SplittableRandom random = new SplittableRandom(11);

  private float[] random(int n, double lo, double hi) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (lo + (hi - lo) * random.nextDouble());
    }
    return x;
  }

  private static void assertClose(String what, float[] expected, float[] actual) {
    for (int i = 0; i < expected.length; i++) {
      float e = expected[i];
      float a = actual[i];
      boolean same = Float.isNaN(e) ? Float.isNaN(a) : Float.isInfinite(e) ? a == e : true;
      if (!same || Math.abs(e - a) > 1e-6 + 4e-6 * Math.abs(e)) {
        fail(what + " at " + i + ": scalar " + e + ", vector " + a);
      }
    }
  }

  @FunctionalInterface
  private interface UnaryLoop {
    void run(UnaryLoops l, float[] a, int aOff, float[] out, int oOff, int n);
  }

  private record U(String name, UnaryLoop loop, double lo, double hi) {}

  @Test
  void everyUnaryLoop() {
    List<U> loops =
        List.of(
            new U("negative", UnaryLoops::negative, -5, 5),
            new U("abs", UnaryLoops::abs, -5, 5),
            new U("sign", UnaryLoops::sign, -5, 5),
            new U("square", UnaryLoops::square, -5, 5),
            new U("sqrt", UnaryLoops::sqrt, 0, 50),
            new U("rsqrt", UnaryLoops::rsqrt, 0.01, 50),
            new U("exp", UnaryLoops::exp, -80, 80),
            new U("expm1", UnaryLoops::expm1, -5, 5),
            new U("log", UnaryLoops::log, 1e-6, 1e6),
            new U("log1p", UnaryLoops::log1p, -0.99, 100),
            new U("tanh", UnaryLoops::tanh, -12, 12),
            new U("sigmoid", UnaryLoops::sigmoid, -100, 100),
            new U("relu", UnaryLoops::relu, -5, 5),
            new U("softplus", UnaryLoops::softplus, -100, 100),
            new U("softsign", UnaryLoops::softsign, -5, 5),
            new U("erf", UnaryLoops::erf, -5, 5),
            new U("sin", UnaryLoops::sin, -10, 10),
            new U("cos", UnaryLoops::cos, -10, 10),
            new U("reciprocal", UnaryLoops::reciprocal, 0.1, 10),
            new U("floor", UnaryLoops::floor, -5, 5),
            new U("ceil", UnaryLoops::ceil, -5, 5),
            new U("round", UnaryLoops::round, -5, 5),
            new U("clip", (l, a, ao, o, oo, n) -> l.clip(a, ao, -1, 2, o, oo, n), -5, 5),
            new U("relu6", UnaryLoops::relu6, -3, 9),
            new U("leakyRelu", (l, a, ao, o, oo, n) -> l.leakyRelu(a, ao, 0.2f, o, oo, n), -5, 5),
            new U("elu", (l, a, ao, o, oo, n) -> l.elu(a, ao, 0.7f, o, oo, n), -10, 5),
            new U("selu", UnaryLoops::selu, -10, 5),
            new U("gelu", UnaryLoops::gelu, -6, 6),
            new U("geluApproximate", UnaryLoops::geluApproximate, -6, 6),
            new U("silu", UnaryLoops::silu, -20, 20),
            new U("hardSigmoid", UnaryLoops::hardSigmoid, -5, 5),
            new U("hardSilu", UnaryLoops::hardSilu, -5, 5),
            new U("logSigmoid", UnaryLoops::logSigmoid, -100, 100));
    for (U u : loops) {
      for (int n : LENGTHS) {
        float[] a = random(n + 3, u.lo, u.hi);
        float[] expected = new float[n + 4];
        float[] actual = new float[n + 4];
        u.loop.run(scalar.unary(), a, 3, expected, 1, n);
        u.loop.run(vector.unary(), a, 3, actual, 1, n);
        assertClose(u.name + " n=" + n, expected, actual);
        assertEquals(0f, actual[0], u.name + " wrote before its run");
      }
    }
  }

  @Test
  void roundingAndSignAreBitExactIncludingSignedZerosAndSpecials() {
    float[] specials = {
      0f,
      -0f,
      0.3f,
      -0.3f,
      0.5f,
      -0.5f,
      1.5f,
      -1.5f,
      2.5f,
      -2.5f,
      0.7f,
      -0.7f,
      1f,
      -1f,
      8388607.5f,
      -8388607.5f,
      8388608f,
      1e20f,
      -1e20f,
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      3.999999f,
      -3.999999f
    };
    float[] a = new float[specials.length * 8];
    for (int i = 0; i < a.length; i++) {
      a[i] = specials[i % specials.length];
    }
    List<U> loops =
        List.of(
            new U("sign", UnaryLoops::sign, 0, 0),
            new U("floor", UnaryLoops::floor, 0, 0),
            new U("ceil", UnaryLoops::ceil, 0, 0),
            new U("round", UnaryLoops::round, 0, 0));
    for (U u : loops) {
      float[] expected = new float[a.length];
      float[] actual = new float[a.length];
      u.loop.run(scalar.unary(), a, 0, expected, 0, a.length);
      u.loop.run(vector.unary(), a, 0, actual, 0, a.length);
      for (int i = 0; i < a.length; i++) {
        assertEquals(
            Float.floatToIntBits(expected[i]),
            Float.floatToIntBits(actual[i]),
            u.name + "(" + a[i] + "): scalar " + expected[i] + ", vector " + actual[i]);
      }
    }
  }

  @Test
  void conversionsFollowJavaCasts() {
    for (int n : LENGTHS) {
      float[] a = random(n + 3, -3e9, 3e9);
      if (n > 2) {
        a[3] = Float.NaN;
        a[4] = -2.7f;
      }
      int[] expected = new int[n + 4];
      int[] actual = new int[n + 4];
      scalar.unary().toInt(a, 3, expected, 1, n);
      vector.unary().toInt(a, 3, actual, 1, n);
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "toInt n=" + n);
      float[] fe = new float[n + 4];
      float[] fa = new float[n + 4];
      scalar.unary().toFloat(expected, 1, fe, 0, n);
      vector.unary().toFloat(expected, 1, fa, 0, n);
      org.junit.jupiter.api.Assertions.assertArrayEquals(fe, fa, "toFloat n=" + n);
    }
  }

  @FunctionalInterface
  private interface BinaryLoop {
    void run(BinaryLoops l, float[] a, int aOff, float[] b, int bOff, float[] out, int oOff, int n);
  }

  @Test
  void everyBinaryLoop() {
    List<BinaryLoop> loops =
        List.of(
            BinaryLoops::add,
            BinaryLoops::sub,
            BinaryLoops::mul,
            BinaryLoops::div,
            BinaryLoops::max,
            BinaryLoops::min,
            BinaryLoops::pow,
            (l, a, ao, b, bo, o, oo, n) -> l.addScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.subScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.scalarSub(b[bo], a, ao, o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.mulScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.divScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.scalarDiv(b[bo], a, ao, o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.maxScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.minScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.powScalar(a, ao, b[bo], o, oo, n),
            (l, a, ao, b, bo, o, oo, n) -> l.scalarPow(b[bo], a, ao, o, oo, n));
    for (int k = 0; k < loops.size(); k++) {
      for (int n : LENGTHS) {
        float[] a = random(n + 3, 0.5, 3);
        float[] b = random(n + 3, 0.5, 3);
        float[] expected = new float[n + 4];
        float[] actual = new float[n + 4];
        loops.get(k).run(scalar.binary(), a, 3, b, 2, expected, 1, n);
        loops.get(k).run(vector.binary(), a, 3, b, 2, actual, 1, n);
        assertClose("binary loop " + k + " n=" + n, expected, actual);
      }
    }
  }

  @Test
  void everyRowLoop() {
    for (int n : LENGTHS) {
      float[] a = random(n + 3, -3, 3);
      float[] b = random(n + 2, -3, 3);
      RowLoops s = scalar.rows();
      RowLoops v = vector.rows();
      String at = " n=" + n;
      float tol = 1e-5f * Math.max(1, n);
      assertEquals(s.sum(a, 3, n), v.sum(a, 3, n), tol, "sum" + at);
      assertEquals(s.max(a, 3, n), v.max(a, 3, n), "max" + at);
      assertEquals(s.min(a, 3, n), v.min(a, 3, n), "min" + at);
      assertEquals(s.expSum(a, 3, 1.5f, n), v.expSum(a, 3, 1.5f, n), tol, "expSum" + at);
      assertEquals(s.dot(a, 3, b, 2, n), v.dot(a, 3, b, 2, n), tol, "dot" + at);
      assertEquals(
          s.dotShifted(a, 3, b, 2, 0.5f, n),
          v.dotShifted(a, 3, b, 2, 0.5f, n),
          tol,
          "dotShifted" + at);
      float[] e = new float[n + 4];
      float[] x = new float[n + 4];
      assertEquals(
          s.expStore(a, 3, 1.5f, e, 1, n), v.expStore(a, 3, 1.5f, x, 1, n), tol, "expStore" + at);
      assertClose("expStore" + at, e, x);
      s.softmaxGrad(a, 3, b, 2, 0.25f, e, 1, n);
      v.softmaxGrad(a, 3, b, 2, 0.25f, x, 1, n);
      assertClose("softmaxGrad" + at, e, x);
      s.logSoftmaxGrad(a, 3, b, 2, 0.25f, e, 1, n);
      v.logSoftmaxGrad(a, 3, b, 2, 0.25f, x, 1, n);
      assertClose("logSoftmaxGrad" + at, e, x);
      float[] es = random(n + 4, -1, 1);
      float[] xs = es.clone();
      s.addTo(a, 3, es, 1, n);
      v.addTo(a, 3, xs, 1, n);
      assertClose("addTo" + at, es, xs);
      s.maxTo(a, 3, es, 1, n);
      v.maxTo(a, 3, xs, 1, n);
      assertClose("maxTo" + at, es, xs);
      s.minTo(b, 2, es, 1, n);
      v.minTo(b, 2, xs, 1, n);
      assertClose("minTo" + at, es, xs);
    }
  }
}

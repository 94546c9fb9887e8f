package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.LENGTHS;
import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.broadcast;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.map;
import static io.keras4j.backend.conformance.MathReference.sumTo;
import static io.keras4j.backend.conformance.MathReference.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.BinaryOp;
import io.keras4j.backend.CompareOp;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.UnaryOp;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The elementwise primitives of {@link MathKernels} against double-precision references: every
 * unary function (values, infinities and NaN, lengths that leave a vector tail) and its gradient by
 * finite differences; clip and cast; every binary operation on same shapes, a row (bias), a scalar
 * on either side, general broadcasting and empty shapes, with its gradient summed back to each
 * input; comparisons, logic and where.
 */
class MathConformanceTest extends ConformanceBase {
  private static final float[] SPECIALS = {
    0f,
    -0f,
    1e-30f,
    -1e-30f,
    0.5f,
    1.5f,
    2.5f,
    -0.5f,
    -1.5f,
    100f,
    -100f,
    88.5f,
    -88.5f,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.NaN
  };

  /** Inputs for gradient checks, away from every kink (0, integers, half-integers) by > 0.04. */
  private static final Tensor SMOOTH =
      Tensor.of(new float[] {-2.7f, -1.3f, -0.55f, 0.45f, 1.15f, 2.35f, -0.2f, 0.7f}, 2, 4);

  private static final Tensor POSITIVE =
      Tensor.of(new float[] {0.3f, 0.75f, 1.6f, 2.9f, 4.2f, 0.55f, 1.05f, 3.3f}, 2, 4);

  private MathKernels math() {
    return backend().math();
  }

  /** One unary function: its reference and the range of its test inputs. */
  private record Unary(UnaryOp op, DoubleUnaryOperator ref, double lo, double hi, boolean pos) {}

  private static final Unary[] UNARY = {
    new Unary(UnaryOp.NEGATIVE, x -> -x, -5, 5, false),
    new Unary(UnaryOp.ABS, Math::abs, -5, 5, false),
    new Unary(UnaryOp.SIGN, Math::signum, -5, 5, false),
    new Unary(UnaryOp.SQUARE, x -> x * x, -5, 5, false),
    new Unary(UnaryOp.SQRT, Math::sqrt, 0, 50, true),
    new Unary(UnaryOp.RSQRT, x -> 1 / Math.sqrt(x), 1e-3, 50, true),
    new Unary(UnaryOp.EXP, Math::exp, -20, 20, false),
    new Unary(UnaryOp.EXPM1, Math::expm1, -3, 3, false),
    new Unary(UnaryOp.LOG, Math::log, 1e-3, 100, true),
    new Unary(UnaryOp.LOG1P, Math::log1p, -0.9, 10, true),
    new Unary(UnaryOp.TANH, Math::tanh, -10, 10, false),
    new Unary(UnaryOp.SIGMOID, MathReference::sigmoid, -20, 20, false),
    new Unary(UnaryOp.RELU, x -> Math.max(x, 0), -5, 5, false),
    new Unary(
        UnaryOp.SOFTPLUS, x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), -30, 30, false),
    new Unary(UnaryOp.SOFTSIGN, x -> x / (1 + Math.abs(x)), -5, 5, false),
    new Unary(UnaryOp.ERF, MathReference::erf, -4, 4, false),
    new Unary(UnaryOp.SIN, Math::sin, -10, 10, false),
    new Unary(UnaryOp.COS, Math::cos, -10, 10, false),
    new Unary(UnaryOp.RECIPROCAL, x -> 1 / x, 0.1, 10, true),
    new Unary(UnaryOp.FLOOR, Math::floor, -5, 5, false),
    new Unary(UnaryOp.CEIL, Math::ceil, -5, 5, false),
    new Unary(UnaryOp.ROUND, Math::rint, -5, 5, false),
  };

  @Test
  void everyUnaryFunctionOnEveryLength() {
    assertEquals(UnaryOp.values().length, UNARY.length, "every UnaryOp has a reference here");
    long seed = 1;
    for (Unary u : UNARY) {
      for (int n : LENGTHS) {
        Tensor x = uniform(seed++, u.lo, u.hi, n);
        assertClose(
            u.op + " n=" + n, ShapeRefs.of(x), map(x, u.ref), math().unary(u.op, x), 4e-6, 1e-6);
      }
      Tensor x = uniform(seed++, u.lo, u.hi, 3, 1, 5);
      assertClose(
          u.op + " [3, 1, 5]", ShapeRefs.of(x), map(x, u.ref), math().unary(u.op, x), 4e-6, 1e-6);
      Tensor s = Tensor.of(SPECIALS);
      assertClose(
          u.op + " specials", ShapeRefs.of(s), map(s, u.ref), math().unary(u.op, s), 4e-6, 1e-6);
    }
  }

  @Test
  void unaryReadsInt32AsFloat() {
    Tensor x = Tensor.ofInts(new int[] {-3, 0, 2, 7}, 2, 2);
    Tensor y = math().unary(UnaryOp.SQUARE, x);
    assertEquals(DType.FLOAT32, y.dtype());
    assertArrayEquals(new float[] {9, 0, 4, 49}, y.toFloatArray());
  }

  @Test
  void everyUnaryGradientByFiniteDifferences() {
    for (Unary u : UNARY) {
      Tensor x = u.pos ? POSITIVE : SMOOTH;
      FiniteDifferences.check(
          u.op + " backward",
          in -> math().unary(u.op, in[0]),
          (in, dy) ->
              new Tensor[] {math().unaryBackward(u.op, in[0], math().unary(u.op, in[0]), dy)},
          new int[] {0},
          x);
    }
  }

  @Test
  void clipKeepsNaNAndInt32AndPassesGradientOnTheClosedInterval() {
    for (int n : LENGTHS) {
      Tensor x = uniform(n, -3, 3, n);
      assertClose(
          "clip n=" + n,
          ShapeRefs.of(x),
          map(x, v -> Math.min(Math.max(v, -1), 2)),
          math().clip(x, -1f, 2f),
          0,
          0);
    }
    Tensor s = Tensor.of(-5f, -1f, 0.5f, 2f, 9f, Float.NaN);
    assertArrayEquals(
        new float[] {-1, -1, 0.5f, 2, 2, Float.NaN}, math().clip(s, -1, 2).toFloatArray());
    assertArrayEquals(
        new float[] {0, 1, 1, 1, 0, 0},
        math().clipBackward(s, -1, 2, Tensor.full(1f, 6)).toFloatArray());
    Tensor i = math().clip(Tensor.ofInts(new int[] {-7, 0, 3, 9}, 4), -2.5f, 4.5f);
    assertEquals(DType.INT32, i.dtype());
    assertArrayEquals(new int[] {-2, 0, 3, 4}, i.toIntArray());
    FiniteDifferences.check(
        "clip backward",
        in -> math().clip(in[0], -1f, 1.5f),
        (in, dy) -> new Tensor[] {math().clipBackward(in[0], -1f, 1.5f, dy)},
        new int[] {0},
        SMOOTH);
  }

  @Test
  void castTruncatesTowardZero() {
    Tensor f = Tensor.of(-2.7f, -0.5f, 0f, 1.9f, 3f);
    Tensor i = math().cast(f, DType.INT32);
    assertEquals(DType.INT32, i.dtype());
    assertArrayEquals(new int[] {-2, 0, 0, 1, 3}, i.toIntArray());
    Tensor back = math().cast(i, DType.FLOAT32);
    assertArrayEquals(new float[] {-2, 0, 0, 1, 3}, back.toFloatArray());
    assertSame(f, math().cast(f, DType.FLOAT32));
  }

  // ---- binary ---------------------------------------------------------------------------------

  private static DoubleBinaryOperator ref(BinaryOp op) {
    return switch (op) {
      case ADD -> Double::sum;
      case SUBTRACT -> (a, b) -> a - b;
      case MULTIPLY -> (a, b) -> a * b;
      case DIVIDE -> (a, b) -> a / b;
      case POWER -> Math::pow;
      case MAXIMUM -> (a, b) -> (float) Math.max((float) a, (float) b);
      case MINIMUM -> (a, b) -> (float) Math.min((float) a, (float) b);
    };
  }

  /** Pairs of shapes: same, row (bias), column, scalar either side, general, empty. */
  static int[][][] shapePairs() {
    int[][][] fixed = {
      {{4, 17}, {17}},
      {{3, 33}, {1, 33}},
      {{5, 7}, {5, 1}},
      {{17}, {}},
      {{}, {17}},
      {{2, 3}, {1}},
      {{1}, {2, 3}},
      {{2, 1, 5}, {3, 1}},
      {{4, 1, 3}, {1, 6, 1}},
      {{3, 1, 1}, {1, 4, 1}},
      {{1, 1}, {1}},
      {{0, 3}, {3}},
      {{2, 0}, {2, 1}},
      {{}, {}},
      {{2, 16}, {2, 1, 16}},
      {{3, 5, 7}, {3, 5, 7}}
    };
    int[][][] pairs = new int[LENGTHS.length + fixed.length][][];
    for (int i = 0; i < LENGTHS.length; i++) {
      pairs[i] = new int[][] {{LENGTHS[i]}, {LENGTHS[i]}};
    }
    System.arraycopy(fixed, 0, pairs, LENGTHS.length, fixed.length);
    return pairs;
  }

  private static Tensor left(BinaryOp op, long seed, int[] shape) {
    return op == BinaryOp.POWER ? uniform(seed, 0.2, 3, shape) : uniform(seed, -3, 3, shape);
  }

  private static Tensor right(BinaryOp op, long seed, int[] shape) {
    Tensor t = uniform(seed, -3, 3, shape);
    if (op != BinaryOp.DIVIDE) {
      return t;
    }
    // Away from zero: |b| in [0.5, 3].
    return Tensor.of(floats(map(t, v -> Math.copySign(0.5 + Math.abs(v) * 2.5 / 3, v))), shape);
  }

  static float[] floats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  @Test
  void everyBinaryOperationOnEveryLayout() {
    long seed = 100;
    for (BinaryOp op : BinaryOp.values()) {
      for (int[][] p : shapePairs()) {
        Tensor a = left(op, seed++, p[0]);
        Tensor b = right(op, seed++, p[1]);
        String what = op + " " + Arrays.toString(p[0]) + " with " + Arrays.toString(p[1]);
        double rtol = op == BinaryOp.POWER ? 2e-6 : 2e-7;
        assertClose(
            what,
            Shapes.broadcast(p[0], p[1]),
            broadcast(a, b, ref(op)),
            math().binary(op, a, b),
            rtol,
            0);
      }
    }
  }

  @Test
  void maximumAndMinimumPropagateNaN() {
    Tensor a = Tensor.of(Float.NaN, 1f, 2f);
    Tensor b = Tensor.of(1f, Float.NaN, 3f);
    for (BinaryOp op : new BinaryOp[] {BinaryOp.MAXIMUM, BinaryOp.MINIMUM}) {
      float[] y = math().binary(op, a, b).toFloatArray();
      assertEquals(Float.NaN, y[0], op.toString());
      assertEquals(Float.NaN, y[1], op.toString());
      float[] s = math().binary(op, a, Tensor.scalar(Float.NaN)).toFloatArray();
      assertEquals(Float.NaN, s[2], op + " with a NaN scalar");
    }
  }

  @Test
  void everyBinaryGradientSummedBackToEachInput() {
    int[][][] pairs = {{{2, 3}, {2, 3}}, {{3, 4}, {4}}, {{5}, {}}, {{}, {5}}, {{2, 1, 3}, {4, 1}}};
    long seed = 500;
    for (BinaryOp op : BinaryOp.values()) {
      for (int[][] p : pairs) {
        Tensor a = left(op, seed++, p[0]);
        Tensor b = right(op, seed++, p[1]);
        if (op == BinaryOp.MAXIMUM || op == BinaryOp.MINIMUM) {
          // Quarter and three-quarter grids: a and b differ by at least 0.5, no tie is near.
          a = Tensor.of(floats(map(a, v -> Math.floor(v) + 0.25)), p[0]);
          b = Tensor.of(floats(map(b, v -> Math.floor(v) + 0.75)), p[1]);
        }
        FiniteDifferences.check(
            op + " backward " + Arrays.toString(p[0]) + " with " + Arrays.toString(p[1]),
            in -> math().binary(op, in[0], in[1]),
            (in, dy) ->
                math()
                    .binaryBackward(
                        op, in[0], in[1], math().binary(op, in[0], in[1]), dy, true, true),
            new int[] {0, 1},
            a,
            b);
        Tensor y = math().binary(op, a, b);
        Tensor[] onlyB =
            math().binaryBackward(op, a, b, y, Tensor.full(1f, ShapeRefs.of(y)), false, true);
        assertEquals(null, onlyB[0], op + ": a gradient not asked for is null");
      }
    }
  }

  @Test
  void maximumAndMinimumSendTiesToTheFirstArgument() {
    Tensor a = Tensor.of(1f, 2f, 3f);
    Tensor b = Tensor.of(1f, 5f, 0f);
    Tensor g = Tensor.of(10f, 20f, 30f);
    Tensor[] max =
        math()
            .binaryBackward(
                BinaryOp.MAXIMUM, a, b, math().binary(BinaryOp.MAXIMUM, a, b), g, true, true);
    assertArrayEquals(new float[] {10, 0, 30}, max[0].toFloatArray());
    assertArrayEquals(new float[] {0, 20, 0}, max[1].toFloatArray());
    Tensor[] min =
        math()
            .binaryBackward(
                BinaryOp.MINIMUM, a, b, math().binary(BinaryOp.MINIMUM, a, b), g, true, true);
    assertArrayEquals(new float[] {10, 20, 0}, min[0].toFloatArray());
    assertArrayEquals(new float[] {0, 0, 30}, min[1].toFloatArray());
  }

  @Test
  void sumToShapeIsTheAdjointOfBroadcasting() {
    int[] big = {2, 3, 4};
    Tensor g = uniform(7, -1, 1, big);
    for (int[] shape : new int[][] {{3, 1}, {4}, {}, {2, 1, 4}, {1, 3, 1}, {1}, {2, 3, 4}}) {
      assertClose(
          "sumToShape to " + Arrays.toString(shape),
          shape,
          sumTo(doubles(g), big, shape),
          math().sumToShape(g, shape),
          1e-6,
          1e-6);
    }
    assertSame(g, math().sumToShape(g, big.clone()));
    Tensor wide = uniform(8, -1, 1, 1000, 17);
    assertClose(
        "sumToShape of a bias gradient",
        new int[] {17},
        sumTo(doubles(wide), ShapeRefs.of(wide), new int[] {17}),
        math().sumToShape(wide, new int[] {17}),
        1e-5,
        1e-5);
  }

  // ---- comparisons, logic, where --------------------------------------------------------------

  private static DoubleBinaryOperator ref(CompareOp op) {
    return switch (op) {
      case EQUAL -> (a, b) -> a == b ? 1 : 0;
      case NOT_EQUAL -> (a, b) -> a != b ? 1 : 0;
      case GREATER -> (a, b) -> a > b ? 1 : 0;
      case GREATER_EQUAL -> (a, b) -> a >= b ? 1 : 0;
      case LESS -> (a, b) -> a < b ? 1 : 0;
      case LESS_EQUAL -> (a, b) -> a <= b ? 1 : 0;
      case LOGICAL_AND -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
      case LOGICAL_OR -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
    };
  }

  /** Small integers and NaN, so that ties, zeros and NaN all occur. */
  private static Tensor coarse(long seed, int[] shape) {
    double[] v = doubles(uniform(seed, -2, 2.999, shape));
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = i % 11 == 5 ? Float.NaN : (float) Math.floor(v[i]);
    }
    return Tensor.of(f, shape);
  }

  @Test
  void everyComparisonOnEveryLayoutWithTiesAndNaN() {
    long seed = 900;
    for (CompareOp op : CompareOp.values()) {
      for (int[][] p : shapePairs()) {
        Tensor a = coarse(seed++, p[0]);
        Tensor b = coarse(seed++, p[1]);
        assertClose(
            op + " " + Arrays.toString(p[0]) + " with " + Arrays.toString(p[1]),
            Shapes.broadcast(p[0], p[1]),
            broadcast(a, b, ref(op)),
            math().compare(op, a, b),
            0,
            0);
      }
    }
  }

  @Test
  void logicalNotCountsNaNAsTrue() {
    Tensor x = Tensor.of(0f, -0f, 2f, Float.NaN, -1f);
    assertArrayEquals(new float[] {1, 1, 0, 0, 0}, math().logicalNot(x).toFloatArray());
  }

  @Test
  void whereBroadcastsThreeWaysAndSplitsItsGradient() {
    int[][][] triples = {
      {{2, 3}, {2, 3}, {2, 3}},
      {{3}, {2, 3}, {}},
      {{2, 1}, {1, 3}, {3}},
      {{}, {4}, {4}},
      {{17}, {17}, {1}},
      {{0, 2}, {2}, {1}}
    };
    long seed = 1300;
    for (int[][] t : triples) {
      Tensor c = coarse(seed++, t[0]);
      Tensor x = uniform(seed++, -3, 3, t[1]);
      Tensor y = uniform(seed++, -3, 3, t[2]);
      int[] so = Shapes.broadcast(Shapes.broadcast(t[0], t[1]), t[2]);
      double[] cv = doubles(c);
      double[] xv = doubles(x);
      double[] yv = doubles(y);
      double[] expected = new double[(int) Shapes.size(so)];
      double[] g = doubles(uniform(seed++, -1, 1, so));
      double[] gx = new double[xv.length];
      double[] gy = new double[yv.length];
      for (int i = 0; i < expected.length; i++) {
        int[] at = MathReference.unflatten(i, so);
        boolean pick = cv[MathReference.broadcastIndex(at, t[0])] != 0;
        int ix = MathReference.broadcastIndex(at, t[1]);
        int iy = MathReference.broadcastIndex(at, t[2]);
        expected[i] = pick ? xv[ix] : yv[iy];
        if (pick) {
          gx[ix] += g[i];
        } else {
          gy[iy] += g[i];
        }
      }
      String what = "where " + Arrays.deepToString(t);
      assertClose(what, so, expected, math().where(c, x, y), 0, 0);
      Tensor[] grads = math().whereBackward(c, Tensor.of(floats(g), so), t[1], t[2]);
      assertClose(what + " dx", t[1], gx, grads[0], 1e-6, 1e-6);
      assertClose(what + " dy", t[2], gy, grads[1], 1e-6, 1e-6);
    }
    Tensor ints =
        math()
            .where(
                Tensor.of(1f, 0f, 1f),
                Tensor.ofInts(new int[] {1, 2, 3}, 3),
                Tensor.ofInts(new int[] {-1}, 1));
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {1, -1, 3}, ints.toIntArray());
  }
}

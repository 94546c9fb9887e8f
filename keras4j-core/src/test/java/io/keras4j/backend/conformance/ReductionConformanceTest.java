package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.outputOf;
import static io.keras4j.backend.conformance.MathReference.reduced;
import static io.keras4j.backend.conformance.MathReference.reducedShape;
import static io.keras4j.backend.conformance.MathReference.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.ReduceOp;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reductions of {@link MathKernels} against double-precision references: every {@link ReduceOp}
 * over every subset of axes (rank up to 3, plus a rank-5 shape with size-1 axes), with and without
 * keepdims, on empty, size-1 and odd-length shapes; their gradients by finite differences (and ties
 * sharing the gradient of max and min); argmax and argmin (first on ties); cumsum forward and
 * reverse, float32 and int32.
 */
class ReductionConformanceTest extends ConformanceBase {
  private static final int[][] SHAPES = {
    {}, {0}, {1}, {17}, {1027}, {3, 5}, {4, 33}, {2, 3, 4}, {0, 3}, {3, 0}, {2, 1, 3, 1, 5}
  };

  private MathKernels math() {
    return backend().math();
  }

  /** Every subset of the axes of a rank (the empty one meaning all axes). */
  static List<int[]> axisSets(int rank) {
    List<int[]> sets = new ArrayList<>();
    for (int mask = 0; mask < 1 << rank; mask++) {
      int[] s = new int[Integer.bitCount(mask)];
      for (int d = 0, j = 0; d < rank; d++) {
        if ((mask & 1 << d) != 0) {
          s[j++] = d;
        }
      }
      sets.add(s);
    }
    return sets;
  }

  /** The reference reduction in double precision over the kept shape. */
  static double[] reference(ReduceOp op, Tensor x, boolean[] red) {
    int[] shape = ShapeRefs.of(x);
    int n = (int) Shapes.size(MathReference.kept(shape, red));
    int[] map = outputOf(shape, red);
    double[] v = doubles(x);
    double[] acc = new double[n];
    double[] count = new double[n];
    double init =
        switch (op) {
          case MAX, LOGSUMEXP -> Double.NEGATIVE_INFINITY;
          case MIN -> Double.POSITIVE_INFINITY;
          default -> 0;
        };
    Arrays.fill(acc, init);
    for (int i = 0; i < v.length; i++) {
      int o = map[i];
      count[o]++;
      acc[o] =
          switch (op) {
            case SUM, MEAN -> acc[o] + v[i];
            case MAX, LOGSUMEXP -> Math.max(acc[o], v[i]);
            case MIN -> Math.min(acc[o], v[i]);
          };
    }
    if (op == ReduceOp.MEAN) {
      for (int o = 0; o < n; o++) {
        acc[o] /= count[o];
      }
    }
    if (op == ReduceOp.LOGSUMEXP) {
      double[] s = new double[n];
      for (int i = 0; i < v.length; i++) {
        s[map[i]] += Math.exp(v[i] - acc[map[i]]);
      }
      for (int o = 0; o < n; o++) {
        acc[o] = Double.isInfinite(acc[o]) ? acc[o] : acc[o] + Math.log(s[o]);
      }
    }
    return acc;
  }

  @Test
  void everyReductionOverEveryAxisSet() {
    long seed = 1;
    for (int[] shape : SHAPES) {
      for (int[] axes :
          shape.length <= 3
              ? axisSets(shape.length)
              : List.of(new int[] {1, 3}, new int[] {0, 2, 4}, new int[] {4}, new int[0])) {
        boolean[] red = reduced(shape.length, axes);
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
          count *= red[d] ? shape[d] : 1;
        }
        for (ReduceOp op : ReduceOp.values()) {
          if ((op == ReduceOp.MAX || op == ReduceOp.MIN) && count == 0) {
            continue; // undefined, as numpy's; the op refuses it before the backend
          }
          Tensor x = uniform(seed++, -2, 2, shape);
          double[] expected = reference(op, x, red);
          for (boolean keepdims : new boolean[] {false, true}) {
            String what =
                op
                    + " "
                    + Arrays.toString(shape)
                    + " axes "
                    + Arrays.toString(axes)
                    + (keepdims ? " keepdims" : "");
            assertClose(
                what,
                reducedShape(shape, red, keepdims),
                expected,
                math().reduce(op, x, axes, keepdims),
                2e-6,
                1e-6 * Math.max(1, Math.sqrt(count)));
          }
        }
      }
    }
  }

  @Test
  void maxAndLogsumexpHandleInfinitiesAndNaN() {
    Tensor x =
        Tensor.of(
            new float[] {
              1,
              Float.POSITIVE_INFINITY,
              2,
              Float.NEGATIVE_INFINITY,
              Float.NEGATIVE_INFINITY,
              Float.NEGATIVE_INFINITY,
              3,
              Float.NaN,
              0
            },
            3,
            3);
    int[] last = {1};
    assertArrayEquals(
        new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN},
        math().reduce(ReduceOp.MAX, x, last, false).toFloatArray());
    assertArrayEquals(
        new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN},
        math().reduce(ReduceOp.LOGSUMEXP, x, last, false).toFloatArray());
    // Large values: shifted by the maximum, no overflow.
    Tensor big = Tensor.of(1000f, 1000f, -1000f);
    assertEquals(
        1000 + Math.log(2), math().reduce(ReduceOp.LOGSUMEXP, big, new int[0], false).item(), 1e-3);
  }

  @Test
  void everyReductionGradientByFiniteDifferences() {
    int[] shape = {2, 3, 4};
    long seed = 300;
    for (ReduceOp op : ReduceOp.values()) {
      for (int[] axes : new int[][] {{1}, {0, 2}, {}, {2}, {0}}) {
        for (boolean keepdims : new boolean[] {false, true}) {
          // Distinct values (a permutation of a grid) so that max and min have no ties.
          Tensor x = shuffledGrid(seed++, shape);
          FiniteDifferences.check(
              op + " backward axes " + Arrays.toString(axes) + (keepdims ? " keepdims" : ""),
              in -> math().reduce(op, in[0], axes, keepdims),
              (in, dy) ->
                  new Tensor[] {
                    math()
                        .reduceBackward(
                            op, in[0], math().reduce(op, in[0], axes, keepdims), dy, axes)
                  },
              new int[] {0},
              x);
        }
      }
    }
  }

  private static Tensor shuffledGrid(long seed, int[] shape) {
    int n = (int) Shapes.size(shape);
    List<Float> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      v.add(-1.5f + 0.13f * i);
    }
    java.util.Collections.shuffle(v, new java.util.Random(seed));
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = v.get(i);
    }
    return Tensor.of(f, shape);
  }

  @Test
  void maxAndMinShareTheGradientBetweenTies() {
    Tensor x = Tensor.of(new float[] {3, 1, 3, 0, 2, 2, 5, 5, 5}, 3, 3);
    Tensor g = Tensor.of(6f, 4f, 9f);
    int[] axes = {1};
    // Row maxima: 3 twice, 2 twice, 5 three times.
    Tensor y = math().reduce(ReduceOp.MAX, x, axes, false);
    assertArrayEquals(
        new float[] {3, 0, 3, 0, 2, 2, 3, 3, 3},
        math().reduceBackward(ReduceOp.MAX, x, y, g, axes).toFloatArray());
    // Column minima 0, 1 and 2, each once.
    Tensor m = math().reduce(ReduceOp.MIN, x, new int[] {0}, true);
    assertArrayEquals(
        new float[] {0, 4, 0, 6, 0, 9, 0, 0, 0},
        math()
            .reduceBackward(
                ReduceOp.MIN, x, m, Tensor.of(new float[] {6, 4, 9}, 1, 3), new int[] {0})
            .toFloatArray());
  }

  @Test
  void argmaxAndArgminAlongEveryAxisFirstOnTies() {
    int[][] shapes = {{17}, {4, 33}, {3, 5, 2}, {1, 1}, {40}};
    long seed = 700;
    for (int[] shape : shapes) {
      for (int axis = 0; axis < shape.length; axis++) {
        Tensor x =
            Tensor.of(
                MathConformanceTest.floats(
                    MathReference.map(uniform(seed++, -3, 3, shape), Math::floor)),
                shape);
        double[] v = doubles(x);
        int lines = MathReference.lines(shape, axis);
        int[] amax = new int[lines];
        int[] amin = new int[lines];
        for (int r = 0; r < lines; r++) {
          int[] idx = MathReference.line(shape, axis, r);
          for (int j = 1; j < idx.length; j++) {
            amax[r] = v[idx[j]] > v[idx[amax[r]]] ? j : amax[r];
            amin[r] = v[idx[j]] < v[idx[amin[r]]] ? j : amin[r];
          }
        }
        String what = Arrays.toString(shape) + " axis " + axis;
        Tensor ia = math().argmax(x, axis);
        assertEquals(DType.INT32, ia.dtype());
        assertArrayEquals(MathReference.withoutAxis(shape, axis), ShapeRefs.of(ia), what);
        assertArrayEquals(amax, ia.toIntArray(), "argmax " + what);
        assertArrayEquals(amin, math().argmin(x, axis).toIntArray(), "argmin " + what);
      }
    }
  }

  @Test
  void cumsumForwardAndReverseFloatAndInt() {
    int[][] shapes = {{17}, {0}, {4, 33}, {3, 5, 2}, {2, 0, 3}};
    long seed = 800;
    for (int[] shape : shapes) {
      for (int axis = 0; axis < shape.length; axis++) {
        for (boolean reverse : new boolean[] {false, true}) {
          Tensor x = uniform(seed++, -2, 2, shape);
          Tensor xi = Tensor.ofInts(x.toIntArray(), shape);
          double[] v = doubles(x);
          double[] vi = doubles(xi);
          double[] e = new double[v.length];
          double[] ei = new double[v.length];
          for (int r = 0; r < MathReference.lines(shape, axis); r++) {
            int[] idx = MathReference.line(shape, axis, r);
            double acc = 0;
            double acci = 0;
            for (int j = 0; j < idx.length; j++) {
              int p = idx[reverse ? idx.length - 1 - j : j];
              acc += v[p];
              acci += vi[p];
              e[p] = acc;
              ei[p] = acci;
            }
          }
          String what =
              "cumsum " + Arrays.toString(shape) + " axis " + axis + (reverse ? " reverse" : "");
          assertClose(what, shape, e, math().cumsum(x, axis, reverse), 1e-6, 1e-5);
          Tensor ci = math().cumsum(xi, axis, reverse);
          assertEquals(DType.INT32, ci.dtype(), what);
          assertClose(what + " int32", shape, ei, ci, 0, 0);
        }
      }
    }
  }
}

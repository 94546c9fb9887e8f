package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.MathReference.assertClose;
import static io.keras4j.backend.conformance.MathReference.doubles;
import static io.keras4j.backend.conformance.MathReference.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.PoolKernels;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The primitives of {@link PoolKernels} against a double-precision reference written here: max and
 * average pooling over 1, 2 and 3 spatial axes, channel counts around the vector width (whole
 * vectors, a tail, both), strides and windows that overlap or skip, leading and trailing padding
 * (left out of the max and of the mean's count), inputs large enough for the parallel path; their
 * gradients against the reference's and by finite differences; ties, where the first maximum in
 * window order takes the whole gradient.
 */
class PoolConformanceTest extends ConformanceBase {
  private static final int[] CHANNELS = {1, 3, 8, 16, 17, 35};

  private PoolKernels pool() {
    return backend().pooling();
  }

  /** One call's geometry: spatial input sizes, window, strides, leading pads, output sizes. */
  private record Case(int[] in, int[] pool, int[] strides, int[] pad, int[] out) {
    static Case same(int[] in, int[] pool, int[] strides) {
      int k = in.length;
      int[] out = new int[k];
      int[] pad = new int[k];
      for (int i = 0; i < k; i++) {
        out[i] = (in[i] + strides[i] - 1) / strides[i];
        pad[i] = Math.max((out[i] - 1) * strides[i] + pool[i] - in[i], 0) / 2;
      }
      return new Case(in, pool, strides, pad, out);
    }

    static Case valid(int[] in, int[] pool, int[] strides) {
      int k = in.length;
      int[] out = new int[k];
      for (int i = 0; i < k; i++) {
        out[i] = (in[i] - pool[i]) / strides[i] + 1;
      }
      return new Case(in, pool, strides, new int[k], out);
    }

    int[] inputShape(int n, int c) {
      return Shapes.concat(Shapes.concat(new int[] {n}, in), c);
    }

    int[] outputShape(int n, int c) {
      return Shapes.concat(Shapes.concat(new int[] {n}, out), c);
    }

    @Override
    public String toString() {
      return "in "
          + Arrays.toString(in)
          + " pool "
          + Arrays.toString(pool)
          + " strides "
          + Arrays.toString(strides)
          + " pad "
          + Arrays.toString(pad)
          + " out "
          + Arrays.toString(out);
    }
  }

  private static final Case[] CASES = {
    Case.same(new int[] {9}, new int[] {3}, new int[] {2}),
    Case.valid(new int[] {10}, new int[] {4}, new int[] {3}),
    Case.same(new int[] {7}, new int[] {2}, new int[] {1}),
    Case.valid(new int[] {6, 7}, new int[] {2, 2}, new int[] {2, 2}),
    Case.same(new int[] {5, 5}, new int[] {3, 3}, new int[] {2, 2}),
    Case.same(new int[] {6, 7}, new int[] {3, 2}, new int[] {1, 3}),
    Case.valid(new int[] {7, 6}, new int[] {3, 2}, new int[] {2, 1}),
    Case.valid(new int[] {4, 5, 6}, new int[] {2, 2, 2}, new int[] {2, 2, 2}),
    Case.same(new int[] {4, 5, 3}, new int[] {3, 2, 3}, new int[] {2, 1, 2}),
    // Windows that skip input positions (stride > window).
    Case.valid(new int[] {9, 8}, new int[] {2, 2}, new int[] {3, 3}),
  };

  /**
   * The reference: {@code result[0]} the pooled values, {@code result[1]} the gradient of x for the
   * output gradient {@code dy} (the first maximum of each window takes max pooling's).
   */
  private static double[][] reference(Tensor x, Case c, double[] dy, boolean max) {
    int[] xs = ShapeRefs.of(x);
    int n = xs[0];
    int ch = xs[xs.length - 1];
    int k = c.in.length;
    double[] v = doubles(x);
    int outSpatial = (int) Shapes.size(c.out);
    int window = (int) Shapes.size(c.pool);
    double[] y = new double[n * outSpatial * ch];
    double[] dx = new double[v.length];
    int[] inStrides = Shapes.strides(c.in);
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < outSpatial; o++) {
        int[] oi = MathReference.unflatten(o, c.out);
        for (int cc = 0; cc < ch; cc++) {
          double best = Double.NEGATIVE_INFINITY;
          int bestAt = -1;
          double sum = 0;
          int count = 0;
          int[] members = new int[window];
          for (int w = 0; w < window; w++) {
            int[] wi = MathReference.unflatten(w, c.pool);
            int flat = 0;
            boolean inside = true;
            for (int d = 0; d < k; d++) {
              int p = oi[d] * c.strides[d] - c.pad[d] + wi[d];
              inside &= p >= 0 && p < c.in[d];
              flat += p * inStrides[d];
            }
            if (!inside) {
              continue;
            }
            int at = (b * (int) Shapes.size(c.in) + flat) * ch + cc;
            members[count++] = at;
            sum += v[at];
            if (v[at] > best) {
              best = v[at];
              bestAt = at;
            }
          }
          int yi = (b * outSpatial + o) * ch + cc;
          y[yi] = max ? best : sum / count;
          if (max) {
            dx[bestAt] += dy[yi];
          } else {
            for (int m = 0; m < count; m++) {
              dx[members[m]] += dy[yi] / count;
            }
          }
        }
      }
    }
    return new double[][] {y, dx};
  }

  private Tensor forward(Tensor x, Case c, boolean max) {
    return max
        ? pool().maxPool(x, c.pool, c.strides, c.pad, c.out)
        : pool().averagePool(x, c.pool, c.strides, c.pad, c.out);
  }

  private Tensor backward(Tensor x, Tensor y, Tensor dy, Case c, boolean max) {
    return max
        ? pool().maxPoolBackward(x, y, dy, c.pool, c.strides, c.pad)
        : pool().averagePoolBackward(x.shape(), dy, c.pool, c.strides, c.pad);
  }

  private void checkAgainstReference(long seed, Case c, int n, int ch) {
    Tensor x = uniform(seed, -3, 3, c.inputShape(n, ch));
    Tensor dy = uniform(seed + 1, -1, 1, c.outputShape(n, ch));
    for (boolean max : new boolean[] {true, false}) {
      String what = (max ? "maxPool " : "averagePool ") + c + " n=" + n + " c=" + ch;
      double[][] ref = reference(x, c, doubles(dy), max);
      Tensor y = forward(x, c, max);
      assertClose(what, c.outputShape(n, ch), ref[0], y, 1e-6, 1e-6);
      assertClose(
          what + " backward", ShapeRefs.of(x), ref[1], backward(x, y, dy, c, max), 1e-6, 1e-6);
    }
  }

  @Test
  void oneTwoAndThreeSpatialAxesAtEveryChannelCount() {
    long seed = 1;
    for (Case c : CASES) {
      for (int ch : CHANNELS) {
        checkAgainstReference(seed, c, 2, ch);
        seed += 2;
      }
    }
  }

  @Test
  void bigInputsTakeTheParallelPathAndAgree() {
    checkAgainstReference(
        100, Case.valid(new int[] {32, 32}, new int[] {2, 2}, new int[] {2, 2}), 8, 32);
    checkAgainstReference(
        102, Case.same(new int[] {17, 19}, new int[] {3, 3}, new int[] {2, 2}), 6, 24);
    checkAgainstReference(104, Case.same(new int[] {300}, new int[] {5}, new int[] {1}), 3, 33);
  }

  /**
   * Values {@code 2 / n} apart in [-1, 1), shuffled: the finite-difference step (0.01 below 1)
   * never changes which value of a window is the largest when {@code n < 200}.
   */
  private static Tensor ladder(long seed, int... shape) {
    int n = (int) Shapes.size(shape);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i - n / 2) * (2f / n);
    }
    java.util.Random r = new java.util.Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return Tensor.of(v, shape);
  }

  @Test
  void gradientsByFiniteDifferences() {
    // Fewer than 200 values each (see ladder); channels 8 exercise a whole vector where it fits.
    Object[][] cases = {
      {CASES[0], new int[] {3, 8}},
      {CASES[2], new int[] {3, 8}},
      {CASES[4], new int[] {3, 7}},
      {CASES[5], new int[] {3}},
      {CASES[8], new int[] {3}},
    };
    long seed = 200;
    for (Object[] cs : cases) {
      Case c = (Case) cs[0];
      for (int ch : (int[]) cs[1]) {
        Tensor x = ladder(seed++, c.inputShape(1, ch));
        for (boolean max : new boolean[] {true, false}) {
          FiniteDifferences.check(
              (max ? "maxPool " : "averagePool ") + c + " c=" + ch,
              in -> forward(in[0], c, max),
              (in, dy) -> new Tensor[] {backward(in[0], forward(in[0], c, max), dy, c, max)},
              new int[] {0},
              x);
        }
      }
    }
  }

  @Test
  void onTiesTheFirstMaximumInWindowOrderTakesTheGradient() {
    // Every value equal: with overlapping 2x2 windows at stride 1, each window's gradient goes to
    // its top-left position, as TensorFlow's MaxPoolGrad does.
    for (int ch : new int[] {1, 8, 19}) {
      Case c = Case.valid(new int[] {3, 4}, new int[] {2, 2}, new int[] {1, 1});
      Tensor x = Tensor.full(0.5f, c.inputShape(1, ch));
      Tensor dy = uniform(7, 1, 2, c.outputShape(1, ch));
      Tensor y = forward(x, c, true);
      double[][] ref = reference(x, c, doubles(dy), true);
      assertClose("ties c=" + ch, ShapeRefs.of(x), ref[1], backward(x, y, dy, c, true), 0, 0);
      float[] dx = backward(x, y, dy, c, true).toFloatArray();
      // The last row and column are never a window's first position.
      for (int cc = 0; cc < ch; cc++) {
        assertEquals(0f, dx[(2 * 4 + 3) * ch + cc], "ties c=" + ch);
      }
    }
    // A maximum repeated inside one window: only the first copy (row-major) gets the gradient.
    float[] v = {1, 5, 5, 2, 5, 0, 3, 4, 5};
    Tensor x = Tensor.of(v, 1, 3, 3, 1);
    Case c = Case.valid(new int[] {3, 3}, new int[] {3, 3}, new int[] {1, 1});
    Tensor dx = backward(x, forward(x, c, true), Tensor.full(2f, 1, 1, 1, 1), c, true);
    assertClose(
        "repeated maximum",
        new int[] {1, 3, 3, 1},
        new double[] {0, 2, 0, 0, 0, 0, 0, 0, 0},
        dx,
        0,
        0);
  }

  @Test
  void paddingTakesNoPartInTheMaxOrTheMean() {
    // All negative: a zero padding would win the max; "same" 3x3 at stride 1 on 2x2.
    Case c = Case.same(new int[] {2, 2}, new int[] {3, 3}, new int[] {1, 1});
    Tensor x = Tensor.of(new float[] {-1, -2, -3, -4}, 1, 2, 2, 1);
    assertClose(
        "max with padding",
        new int[] {1, 2, 2, 1},
        new double[] {-1, -1, -1, -1},
        forward(x, c, true),
        0,
        0);
    assertClose(
        "mean with padding",
        new int[] {1, 2, 2, 1},
        new double[] {-2.5, -2.5, -2.5, -2.5},
        forward(x, c, false),
        0,
        0);
    // 1-D "same" pool 2 stride 2 on 5 steps: the last window holds one step.
    Case d = Case.same(new int[] {5}, new int[] {2}, new int[] {2});
    Tensor s = Tensor.of(new float[] {1, 2, 3, 4, 6}, 1, 5, 1);
    assertClose(
        "1-D mean, partial last window",
        new int[] {1, 3, 1},
        new double[] {1.5, 3.5, 6},
        forward(s, d, false),
        0,
        0);
  }
}

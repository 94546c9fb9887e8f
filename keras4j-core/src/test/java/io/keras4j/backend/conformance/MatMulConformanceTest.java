package io.keras4j.backend.conformance;

import static io.keras4j.backend.conformance.ArrayReference.doubles;
import static io.keras4j.backend.conformance.ArrayReference.rand;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.keras4j.Tensor;
import io.keras4j.backend.ArrayKernels;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.testing.Closeness;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The products of {@link ArrayKernels}: {@code matmul} with every transpose and batching, and the
 * fused Dense op {@code linear} with its backward, against double-precision references and finite
 * differences. Sizes cover empty and size-1 operands, odd widths (vector tails, partial GEMM tiles)
 * and products large enough for the blocked, multi-threaded GEMM (with a K long enough to be packed
 * piece by piece).
 */
class MatMulConformanceTest extends ConformanceBase {
  /** (m, k, n): empty, size 1, odd, the direct loop, the blocked GEMM, more rows than one block. */
  private static final int[][] SIZES = {
    {0, 3, 4},
    {3, 0, 4},
    {3, 4, 0},
    {1, 1, 1},
    {3, 5, 7},
    {17, 33, 19},
    {40, 70, 50},
    {130, 300, 37},
    {9, 17000, 45} // few rows, long K: B is packed one K piece at a time
  };

  private static final Closeness.Tolerance PRODUCT = tolerance(2e-5, 2e-5);

  private ArrayKernels array() {
    return backend().array();
  }

  @Test
  void matmulWithEveryTranspose() {
    long seed = 1;
    for (int[] s : SIZES) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          Tensor a = ta ? rand(seed++, k, m) : rand(seed++, m, k);
          Tensor b = tb ? rand(seed++, n, k) : rand(seed++, k, n);
          double[] expected = new double[m * n];
          ArrayReference.matmul2d(
              doubles(a), 0, ta ? m : k, ta, doubles(b), 0, tb ? k : n, tb, m, n, k, expected, 0);
          Closeness.assertClose(
              "matmul " + Arrays.toString(s) + " transA=" + ta + " transB=" + tb,
              new int[] {m, n},
              expected,
              array().matmul(a, b, ta, tb),
              scaled(k));
        }
      }
    }
  }

  @Test
  void matmulFoldsLeadingAxesOfAAgainstA2dB() {
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        int batch = 6; // 2 x 3
        int m = 5;
        int k = 9;
        int n = 17;
        Tensor a = ta ? rand(7, 2, 3, k, m) : rand(7, 2, 3, m, k);
        Tensor b = tb ? rand(8, n, k) : rand(8, k, n);
        double[] av = doubles(a);
        double[] bv = doubles(b);
        double[] expected = new double[batch * m * n];
        for (int i = 0; i < batch; i++) {
          ArrayReference.matmul2d(
              av, i * m * k, ta ? m : k, ta, bv, 0, tb ? k : n, tb, m, n, k, expected, i * m * n);
        }
        Closeness.assertClose(
            "matmul [2,3,...] x 2-D transA=" + ta + " transB=" + tb,
            new int[] {2, 3, m, n},
            expected,
            array().matmul(a, b, ta, tb),
            PRODUCT);
      }
    }
  }

  @Test
  void matmulWithEqualBatchAxes() {
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        int batch = 3;
        int m = 4;
        int k = 33;
        int n = 6;
        Tensor a = ta ? rand(9, batch, k, m) : rand(9, batch, m, k);
        Tensor b = tb ? rand(10, batch, n, k) : rand(10, batch, k, n);
        double[] av = doubles(a);
        double[] bv = doubles(b);
        double[] expected = new double[batch * m * n];
        for (int i = 0; i < batch; i++) {
          ArrayReference.matmul2d(
              av,
              i * m * k,
              ta ? m : k,
              ta,
              bv,
              i * k * n,
              tb ? k : n,
              tb,
              m,
              n,
              k,
              expected,
              i * m * n);
        }
        Closeness.assertClose(
            "batched matmul transA=" + ta + " transB=" + tb,
            new int[] {batch, m, n},
            expected,
            array().matmul(a, b, ta, tb),
            PRODUCT);
      }
    }
  }

  @Test
  void linearMatchesActOfProductPlusBias() {
    long seed = 100;
    for (int[] s : SIZES) {
      int rows = s[0];
      int k = s[1];
      int n = s[2];
      for (FusedActivation act : FusedActivation.values()) {
        for (boolean withBias : new boolean[] {true, false}) {
          Tensor x = rand(seed++, rows, k);
          Tensor w = rand(seed++, k, n);
          Tensor b = withBias ? rand(seed++, n) : null;
          double[] expected =
              ArrayReference.linear(
                  doubles(x), doubles(w), withBias ? doubles(b) : null, rows, k, n, act);
          Closeness.assertClose(
              "linear " + Arrays.toString(s) + " " + act + (withBias ? " with bias" : ""),
              new int[] {rows, n},
              expected,
              array().linear(x, w, b, act),
              scaled(k));
        }
      }
    }
  }

  @Test
  void linearKeepsTheLeadingAxesOfX() {
    Tensor x = rand(3, 2, 3, 7);
    Tensor w = rand(4, 7, 5);
    Tensor b = rand(5, 5);
    double[] expected =
        ArrayReference.linear(doubles(x), doubles(w), doubles(b), 6, 7, 5, FusedActivation.TANH);
    Closeness.assertClose(
        "linear on rank 3",
        new int[] {2, 3, 5},
        expected,
        array().linear(x, w, b, FusedActivation.TANH),
        PRODUCT);
    Tensor v = rand(6, 7);
    Closeness.assertClose(
        "linear on rank 1",
        new int[] {5},
        ArrayReference.linear(doubles(v), doubles(w), null, 1, 7, 5, FusedActivation.RELU),
        array().linear(v, w, null, FusedActivation.RELU),
        PRODUCT);
  }

  @Test
  void linearBackwardMatchesTheChainRule() {
    long seed = 200;
    for (int[] s : SIZES) {
      int rows = s[0];
      int k = s[1];
      int n = s[2];
      for (FusedActivation act : FusedActivation.values()) {
        Tensor x = rand(seed++, rows, k);
        Tensor w = rand(seed++, k, n);
        Tensor b = rand(seed++, n);
        Tensor dy = rand(seed++, rows, n);
        Tensor y = array().linear(x, w, b, act);
        Tensor[] grads = array().linearBackward(x, w, y, dy, act, true, true, true);
        double[] yv = doubles(y);
        double[] dz = doubles(dy);
        for (int i = 0; i < dz.length; i++) {
          dz[i] *= ArrayReference.derivative(act, yv[i]);
        }
        double[] dx = new double[rows * k];
        ArrayReference.matmul2d(dz, 0, n, false, doubles(w), 0, n, true, rows, k, n, dx, 0);
        double[] dw = new double[k * n];
        ArrayReference.matmul2d(doubles(x), 0, k, true, dz, 0, n, false, k, n, rows, dw, 0);
        double[] db = new double[n];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < n; j++) {
            db[j] += dz[i * n + j];
          }
        }
        String what = "linearBackward " + Arrays.toString(s) + " " + act;
        Closeness.assertClose(what + " dx", new int[] {rows, k}, dx, grads[0], scaled(n));
        Closeness.assertClose(what + " dkernel", new int[] {k, n}, dw, grads[1], scaled(rows));
        Closeness.assertClose(what + " dbias", new int[] {n}, db, grads[2], scaled(rows));
      }
    }
  }

  @Test
  void linearBackwardComputesOnlyWhatIsAskedFor() {
    Tensor x = rand(1, 4, 3);
    Tensor w = rand(2, 3, 5);
    Tensor b = rand(3, 5);
    Tensor y = array().linear(x, w, b, FusedActivation.SIGMOID);
    Tensor dy = rand(4, 4, 5);
    Tensor[] all = array().linearBackward(x, w, y, dy, FusedActivation.SIGMOID, true, true, true);
    Tensor[] some =
        array().linearBackward(x, w, y, dy, FusedActivation.SIGMOID, false, true, false);
    assertNull(some[0], "dx not asked for");
    assertNull(some[2], "dbias not asked for");
    assertNotNull(some[1]);
    assertArrayEquals(all[1].toFloatArray(), some[1].toFloatArray(), "dkernel alone");
  }

  /**
   * The backward against central differences of the forward, for every activation with and without
   * bias: {@code d/dv sum(r * linear(...))} with a fixed random weighting r.
   */
  @Test
  void linearGradientsAgreeWithFiniteDifferences() {
    int rows = 3;
    int k = 4;
    int n = 5;
    for (FusedActivation act : FusedActivation.values()) {
      for (boolean withBias : new boolean[] {true, false}) {
        long seed = 300 + act.ordinal() * 10L + (withBias ? 1 : 0);
        Tensor x;
        Tensor w;
        Tensor b;
        do { // relu: keep every pre-activation away from the kink
          x = rand(seed++, rows, k);
          w = rand(seed++, k, n);
          b = withBias ? rand(seed++, n) : null;
        } while (act == FusedActivation.RELU && nearKink(x, w, b, k, n));
        Tensor r = rand(seed, rows, n);
        Tensor y = array().linear(x, w, b, act);
        Tensor[] grads = array().linearBackward(x, w, y, r, act, true, true, withBias);
        String what = "linear " + act + (withBias ? " with bias" : "");
        Tensor[] inputs = {x, w, b};
        String[] names = {"x", "kernel", "bias"};
        for (int which = 0; which < (withBias ? 3 : 2); which++) {
          double[] numeric = numericGradient(inputs, which, r, act);
          Closeness.assertClose(
              what + " d" + names[which],
              ShapeRefs.of(inputs[which]),
              numeric,
              grads[which],
              tolerance(1e-3, 1e-2));
        }
      }
    }
  }

  private double[] numericGradient(Tensor[] inputs, int which, Tensor r, FusedActivation act) {
    float[] v = inputs[which].toFloatArray();
    double[] out = new double[v.length];
    double h = 1e-2;
    for (int i = 0; i < v.length; i++) {
      float saved = v[i];
      v[i] = (float) (saved + h);
      double up = weightedSum(inputs, which, v, r, act);
      v[i] = (float) (saved - h);
      double down = weightedSum(inputs, which, v, r, act);
      v[i] = saved;
      out[i] = (up - down) / (2 * h);
    }
    return out;
  }

  private double weightedSum(
      Tensor[] inputs, int which, float[] values, Tensor r, FusedActivation act) {
    Tensor[] in = inputs.clone();
    in[which] = Tensor.of(values, inputs[which].shape());
    float[] y = array().linear(in[0], in[1], in[2], act).toFloatArray();
    float[] rv = r.toFloatArray();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += (double) rv[i] * y[i];
    }
    return s;
  }

  private static boolean nearKink(Tensor x, Tensor w, Tensor b, int k, int n) {
    double[] z =
        ArrayReference.linear(
            doubles(x),
            doubles(w),
            b == null ? null : doubles(b),
            x.dim(0),
            k,
            n,
            FusedActivation.LINEAR);
    for (double v : z) {
      if (Math.abs(v) < 0.1) {
        return true;
      }
    }
    return false;
  }

  /** Float32 accumulation over {@code terms} products of values in [-2, 2]. */
  private static Closeness.Tolerance scaled(int terms) {
    return tolerance(1e-5 * Math.max(1, terms), 2e-5);
  }
}

package io.keras4j.ops;

import static io.keras4j.ops.TestTensors.assertClose;
import static io.keras4j.ops.TestTensors.assertShape;
import static io.keras4j.ops.TestTensors.assertTensor;
import static io.keras4j.ops.TestTensors.rand;
import static io.keras4j.ops.TestTensors.shape;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;
import io.keras4j.testing.GradientCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MatMulTest {

  /** The stored form of a logical [..., r, c] tensor: itself, or with the last two axes swapped. */
  private static Tensor store(Tensor logical, boolean transposed) {
    if (!transposed) {
      return logical;
    }
    int[] s = logical.shape();
    int r = s[s.length - 2];
    int c = s[s.length - 1];
    int batch = (int) (logical.size() / (r * c));
    float[] in = logical.toFloatArray();
    float[] out = new float[in.length];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < c; j++) {
          out[b * r * c + j * r + i] = in[b * r * c + i * c + j];
        }
      }
    }
    s[s.length - 2] = c;
    s[s.length - 1] = r;
    return Tensor.of(out, s);
  }

  /** Naive product of logical A [ba..., m, k] and B [bb..., k, n] (bb empty or equal to ba). */
  private static float[] naive(Tensor a, Tensor b) {
    int[] sa = ShapeRefs.of(a);
    int[] sb = ShapeRefs.of(b);
    int m = sa[sa.length - 2];
    int k = sa[sa.length - 1];
    int n = sb[sb.length - 1];
    int batch = (int) (a.size() / (m * k));
    boolean shared = sb.length == 2;
    float[] x = a.toFloatArray();
    float[] y = b.toFloatArray();
    float[] out = new float[batch * m * n];
    for (int t = 0; t < batch; t++) {
      int bOff = shared ? 0 : t * k * n;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double acc = 0;
          for (int p = 0; p < k; p++) {
            acc += (double) x[t * m * k + i * k + p] * y[bOff + p * n + j];
          }
          out[t * m * n + i * n + j] = (float) acc;
        }
      }
    }
    return out;
  }

  /** Logical shapes of A and B. */
  static final int[][][] CASES = {
    {{3, 4}, {4, 5}},
    {{2, 3, 4}, {4, 5}},
    {{2, 2, 3, 4}, {4, 5}},
    {{2, 3, 4}, {2, 4, 5}},
    {{1, 1}, {1, 1}},
  };

  @TestFactory
  Stream<DynamicTest> allTransposesForwardAndGradient() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int[][] c : CASES) {
      for (int t = 0; t < 4; t++) {
        boolean ta = (t & 1) != 0;
        boolean tb = (t & 2) != 0;
        String name =
            Shapes.toString(c[0])
                + (ta ? "^T" : "")
                + " x "
                + Shapes.toString(c[1])
                + (tb ? "^T" : "");
        tests.add(
            dynamicTest(
                name,
                () -> {
                  Tensor la = rand(10, c[0]);
                  Tensor lb = rand(20, c[1]);
                  Tensor a = store(la, ta);
                  Tensor b = store(lb, tb);
                  Tensor y = Ops.matmul(a, b, ta, tb);
                  int[] expected = c[0].clone();
                  expected[expected.length - 1] = c[1][c[1].length - 1];
                  assertShape(y, expected);
                  assertClose(y, naive(la, lb));
                  GradientCheck.check(xs -> Ops.matmul(xs.get(0), xs.get(1), ta, tb), a, b);
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void handComputed() {
    Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
    Tensor b = Tensor.of(new float[][] {{5, 6}, {7, 8}});
    assertTensor(Ops.matmul(a, b), shape(2, 2), 19, 22, 43, 50);
    assertTensor(Ops.matmul(a, b, true, false), shape(2, 2), 26, 30, 38, 44);
    assertTensor(Ops.matmul(a, b, false, true), shape(2, 2), 17, 23, 39, 53);
  }

  @Test
  void vectorCases() {
    Tensor v = Tensor.of(1f, 2f, 3f);
    Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    assertTensor(Ops.matmul(v, m), shape(2), 22, 28);
    assertTensor(Ops.matmul(Ops.transpose(m), v), shape(2), 22, 28);
    assertTensor(Ops.matmul(v, v), shape(), 14);
    GradientCheck.check(xs -> Ops.matmul(xs.get(0), xs.get(1)), rand(1, 3), rand(2, 3, 2));
    GradientCheck.check(xs -> Ops.matmul(xs.get(0), xs.get(1)), rand(1, 2, 3), rand(2, 3));
    GradientCheck.check(xs -> Ops.matmul(xs.get(0), xs.get(1)), rand(1, 3), rand(2, 3));
  }

  @Test
  void largeEnoughForTheBlockedKernel() {
    Tensor la = rand(3, 2, 33, 70);
    Tensor lb = rand(4, 70, 19);
    assertClose(Ops.matmul(la, lb), 1e-4, naive(la, lb));
  }

  @Test
  void mismatchedInnerDimensionsNameTheShapes() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ops.matmul(Tensor.zeros(2, 3), Tensor.zeros(4, 5)));
    assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
  }
}

package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.jvm.Kernels;
import java.util.Arrays;

/**
 * Matrix product on the last two axes, with optional transposes, numpy's rules for rank 1 and
 * leading batch axes: {@code [..., m, k] x [k, n]} (a Dense layer on any rank) and {@code [b..., m,
 * k] x [b..., k, n]} (equal batch axes).
 */
final class MatMul {
  private MatMul() {}

  static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
    if (a.rank() == 1 || b.rank() == 1) {
      return vectorCase(a, b, transA, transB);
    }
    int[] sa = a.shapeRef();
    int[] sb = b.shapeRef();
    int ra = sa.length;
    int rb = sb.length;
    int m = transA ? sa[ra - 1] : sa[ra - 2];
    int k = transA ? sa[ra - 2] : sa[ra - 1];
    int kb = transB ? sb[rb - 1] : sb[rb - 2];
    int n = transB ? sb[rb - 2] : sb[rb - 1];
    if (k != kb) {
      throw new IllegalArgumentException(
          "matmul: inner dimensions do not match: "
              + Shapes.toString(sa)
              + (transA ? "^T" : "")
              + " x "
              + Shapes.toString(sb)
              + (transB ? "^T" : "")
              + " (expected "
              + k
              + " == "
              + kb
              + ")");
    }
    float[] x = a.asFloat().floats();
    float[] y = b.asFloat().floats();
    Kernels kern = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    int[] outShape;
    float[] out;
    if (rb == 2) {
      // Fold the leading axes of a into rows when a is not transposed: one big GEMM.
      int batch = (int) (Shapes.size(sa) / ((long) sa[ra - 2] * sa[ra - 1]));
      outShape = Arrays.copyOf(sa, ra);
      outShape[ra - 2] = m;
      outShape[ra - 1] = n;
      out = output((int) Shapes.size(outShape), k);
      int lda = sa[ra - 1];
      int ldb = sb[1];
      if (!transA) {
        kern.gemm(false, transB, batch * m, n, k, x, 0, lda, y, 0, ldb, out, 0, n, false);
      } else {
        for (int i = 0; i < batch; i++) {
          kern.gemm(true, transB, m, n, k, x, i * m * k, lda, y, 0, ldb, out, i * m * n, n, false);
        }
      }
    } else {
      int[] batchA = Arrays.copyOf(sa, ra - 2);
      int[] batchB = Arrays.copyOf(sb, rb - 2);
      if (!Arrays.equals(batchA, batchB)) {
        throw new IllegalArgumentException(
            "matmul: batch axes must be equal: "
                + Shapes.toString(sa)
                + " x "
                + Shapes.toString(sb));
      }
      int batch = (int) Shapes.size(batchA);
      outShape = Shapes.concat(batchA, m, n);
      out = output((int) Shapes.size(outShape), k);
      int lda = sa[ra - 1];
      int ldb = sb[rb - 1];
      for (int i = 0; i < batch; i++) {
        kern.gemm(
            transA, transB, m, n, k, x, i * m * k, lda, y, i * k * n, ldb, out, i * m * n, n,
            false);
      }
    }
    Tensor result = Tensor.wrap(out, outShape);
    GradientTape.record(
        result,
        new Tensor[] {a, b},
        g -> {
          // C = op(A) op(B): dA from dC op(B)^T, dB from op(A)^T dC, written as transposed
          // products.
          Tensor ga;
          if (!GradientTape.needsGradient(0)) {
            ga = null; // e.g. the data fed to a first Dense layer
          } else if (!transA) {
            ga = matmul(g, b, false, !transB);
          } else if (b.rank() == 2 && a.rank() > 2) {
            // op(B) g^T would need B's batch axes, which it lacks: transpose dop(A) instead.
            ga = swapLastTwo(matmul(g, b, false, !transB));
          } else {
            ga = matmul(b, g, transB, true);
          }
          Tensor gb;
          if (!GradientTape.needsGradient(1)) {
            gb = null;
          } else if (b.rank() == 2 && a.rank() > 2) {
            gb =
                transB
                    ? Ops.transpose(foldedWeightGrad(a, g, transA))
                    : foldedWeightGrad(a, g, transA);
          } else {
            gb = transB ? matmul(g, a, true, transA) : matmul(a, g, !transA, false);
          }
          return new Tensor[] {ga, gb};
        });
    return result;
  }

  /** dB for {@code [..., m, k] x [k, n]}: the sum over the folded leading axes of A^T dC. */
  private static Tensor foldedWeightGrad(Tensor a, Tensor g, boolean transA) {
    if (!transA) {
      int k = a.dim(-1);
      int n = g.dim(-1);
      Tensor a2 = a.asFloat().reshapeView((int) (a.size() / k), k);
      Tensor g2 = g.reshapeView((int) (g.size() / n), n);
      return matmul(a2, g2, true, false);
    }
    int[] sa = a.shapeRef();
    int k = sa[sa.length - 2];
    int m = sa[sa.length - 1];
    int n = g.dim(-1);
    int batch = (int) (a.size() / ((long) m * k));
    float[] out = io.keras4j.backend.Buffers.floats(k * n);
    Kernels kern = io.keras4j.backend.jvm.JvmKernelsHolder.kernels();
    for (int i = 0; i < batch; i++) {
      kern.gemm(
          false,
          false,
          k,
          n,
          m,
          a.asFloat().floats(),
          i * m * k,
          m,
          g.floats(),
          i * m * n,
          n,
          out,
          0,
          n,
          true);
    }
    return Tensor.wrap(out, k, n);
  }

  private static Tensor swapLastTwo(Tensor t) {
    int r = t.rank();
    int[] perm = new int[r];
    for (int i = 0; i < r; i++) {
      perm[i] = i;
    }
    perm[r - 2] = r - 1;
    perm[r - 1] = r - 2;
    return Ops.transpose(t, perm);
  }

  private static Tensor vectorCase(Tensor a, Tensor b, boolean transA, boolean transB) {
    boolean aVec = a.rank() == 1;
    boolean bVec = b.rank() == 1;
    Tensor a2 = aVec ? Ops.reshape(a, 1, a.dim(0)) : a;
    Tensor b2 = bVec ? Ops.reshape(b, b.dim(0), 1) : b;
    Tensor c = matmul(a2, b2, transA && !aVec, transB && !bVec);
    int[] s = c.shapeRef();
    int[] out;
    if (aVec && bVec) {
      out = new int[0];
    } else if (aVec) {
      out = removeAxis(s, s.length - 2);
    } else {
      out = removeAxis(s, s.length - 1);
    }
    return Ops.reshape(c, out);
  }

  private static int[] removeAxis(int[] s, int axis) {
    int[] out = new int[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      if (i != axis) {
        out[j++] = s[i];
      }
    }
    return out;
  }

  /** The product's array: every element is written by the GEMM, unless k is 0 (then zeros). */
  private static float[] output(int size, int k) {
    return k == 0
        ? io.keras4j.backend.Buffers.floats(size)
        : io.keras4j.backend.Buffers.overwritten(size);
  }
}

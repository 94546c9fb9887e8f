package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.internal.ShapeRefs;
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
    int[] sa = ShapeRefs.of(a);
    int[] sb = ShapeRefs.of(b);
    int ra = sa.length;
    int rb = sb.length;
    int k = transA ? sa[ra - 2] : sa[ra - 1];
    int kb = transB ? sb[rb - 1] : sb[rb - 2];
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
    if (rb != 2) {
      int[] batchA = Arrays.copyOf(sa, ra - 2);
      int[] batchB = Arrays.copyOf(sb, rb - 2);
      if (!Arrays.equals(batchA, batchB)) {
        throw new IllegalArgumentException(
            "matmul: batch axes must be equal: "
                + Shapes.toString(sa)
                + " x "
                + Shapes.toString(sb));
      }
    }
    Tensor result = Backend.current().array().matmul(a, b, transA, transB);
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

  /**
   * dB for {@code [..., m, k] x [k, n]}: the sum over the folded leading axes of op(A)^T dC, one
   * product over the rows of every batch.
   */
  private static Tensor foldedWeightGrad(Tensor a, Tensor g, boolean transA) {
    Tensor rowsOfA = transA ? swapLastTwo(a) : a;
    int k = rowsOfA.dim(-1);
    int n = g.dim(-1);
    Tensor a2 = Ops.reshape(rowsOfA, (int) (rowsOfA.size() / Math.max(1, k)), k);
    Tensor g2 = Ops.reshape(g, (int) (g.size() / Math.max(1, n)), n);
    return matmul(a2, g2, true, false);
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
    int[] s = ShapeRefs.of(c);
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
}

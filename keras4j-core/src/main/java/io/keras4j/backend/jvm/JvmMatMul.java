package io.keras4j.backend.jvm;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * Matrix products of the array family: batched {@code matmul} with transposes, and the fused Dense
 * layer ({@code linear}) with its backward, all on the blocked GEMM.
 */
final class JvmMatMul {
  private final Kernels kernels;
  private final ArrayLoops loops;

  JvmMatMul(Kernels kernels, ArrayLoops loops) {
    this.kernels = kernels;
    this.loops = loops;
  }

  Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
    int[] sa = ShapeRefs.of(a);
    int[] sb = ShapeRefs.of(b);
    int ra = sa.length;
    int rb = sb.length;
    int m = transA ? sa[ra - 1] : sa[ra - 2];
    int k = transA ? sa[ra - 2] : sa[ra - 1];
    int n = transB ? sb[rb - 2] : sb[rb - 1];
    float[] x = JvmTensors.floats(a);
    float[] y = JvmTensors.floats(b);
    int lda = sa[ra - 1];
    int ldb = sb[rb - 1];
    int[] outShape = Arrays.copyOf(sa, ra);
    outShape[ra - 2] = m;
    outShape[ra - 1] = n;
    float[] out = JvmTensors.output((int) Shapes.size(outShape));
    int batch = (int) (Shapes.size(sa) / Math.max(1L, (long) sa[ra - 2] * sa[ra - 1]));
    if (rb == 2) {
      if (!transA) {
        // The leading axes of a fold into rows: one big product.
        kernels.gemm(false, transB, batch * m, n, k, x, 0, lda, y, 0, ldb, out, 0, n, false);
      } else {
        for (int i = 0; i < batch; i++) {
          kernels.gemm(
              true, transB, m, n, k, x, i * m * k, lda, y, 0, ldb, out, i * m * n, n, false);
        }
      }
    } else {
      for (int i = 0; i < batch; i++) {
        kernels.gemm(
            transA, transB, m, n, k, x, i * m * k, lda, y, i * k * n, ldb, out, i * m * n, n,
            false);
      }
    }
    return JvmTensors.wrap(out, outShape);
  }

  Tensor linear(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation) {
    int[] sx = ShapeRefs.of(x);
    int k = kernel.dim(0);
    int n = kernel.dim(1);
    int rows = (int) Shapes.size(Arrays.copyOf(sx, sx.length - 1));
    int[] outShape = sx.clone();
    outShape[outShape.length - 1] = n;
    float[] out = JvmTensors.output(rows * n);
    float[] b = bias == null ? null : JvmTensors.floats(bias);
    FusedActivation act = activation == FusedActivation.LINEAR && b == null ? null : activation;
    Gemm.multiply(
        loops.gemm(),
        false,
        false,
        rows,
        n,
        k,
        JvmTensors.floats(x),
        0,
        k,
        JvmTensors.floats(kernel),
        0,
        n,
        out,
        0,
        n,
        false,
        b,
        act);
    return JvmTensors.wrap(out, outShape);
  }

  Tensor[] linearBackward(
      Tensor x,
      Tensor kernel,
      Tensor y,
      Tensor dy,
      FusedActivation activation,
      boolean needX,
      boolean needKernel,
      boolean needBias) {
    int k = kernel.dim(0);
    int n = kernel.dim(1);
    int[] sy = ShapeRefs.of(dy);
    int rows = (int) Shapes.size(Arrays.copyOf(sy, sy.length - 1));
    float[] g = JvmTensors.floats(dy);
    float[] db = needBias ? JvmTensors.zeroed(n) : null;
    float[] dz;
    if (activation == FusedActivation.LINEAR) {
      dz = g;
      if (db != null) {
        for (int i = 0; i < rows; i++) {
          kernels.add(db, 0, g, i * n, db, 0, n);
        }
      }
    } else if (needX || needKernel || needBias) {
      // dz = dy * act'(y) once, with the bias gradient summed in the same pass.
      float[] yv = JvmTensors.floats(y);
      dz = JvmTensors.output(rows * n);
      for (int i = 0; i < rows; i++) {
        loops.gradRow(activation, g, yv, i * n, dz, db, n);
      }
    } else {
      dz = null;
    }
    Tensor dx = null;
    if (needX) {
      float[] out = JvmTensors.output(rows * k);
      kernels.gemm(
          false, true, rows, k, n, dz, 0, n, JvmTensors.floats(kernel), 0, n, out, 0, k, false);
      dx = JvmTensors.wrap(out, x.shape());
    }
    Tensor dw = null;
    if (needKernel) {
      float[] out = JvmTensors.output(k * n);
      kernels.gemm(true, false, k, n, rows, JvmTensors.floats(x), 0, k, dz, 0, n, out, 0, n, false);
      dw = JvmTensors.wrap(out, k, n);
    }
    return new Tensor[] {dx, dw, db == null ? null : JvmTensors.wrap(db, n)};
  }
}

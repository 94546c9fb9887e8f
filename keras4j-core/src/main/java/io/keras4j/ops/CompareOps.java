package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.ops.Broadcasting.Fast;
import io.keras4j.ops.Broadcasting.FloatBinary;

/**
 * Comparisons and logic with broadcasting, and {@code where}. keras4j has no bool dtype: truth
 * values are float32 1 and 0, and any nonzero value (NaN too, as numpy) counts as true. Comparisons
 * and logic have no gradient.
 */
final class CompareOps {
  private CompareOps() {}

  private static float bool(boolean b) {
    return b ? 1f : 0f;
  }

  private static Tensor compare(Tensor a, Tensor b, FloatBinary f) {
    return Broadcasting.apply(a, b, f, Fast.NONE);
  }

  static Tensor equal(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x == y));
  }

  static Tensor notEqual(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x != y));
  }

  static Tensor greater(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x > y));
  }

  static Tensor greaterEqual(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x >= y));
  }

  static Tensor less(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x < y));
  }

  static Tensor lessEqual(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x <= y));
  }

  static Tensor logicalAnd(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x != 0 && y != 0));
  }

  static Tensor logicalOr(Tensor a, Tensor b) {
    return compare(a, b, (x, y) -> bool(x != 0 || y != 0));
  }

  static Tensor logicalNot(Tensor a) {
    float[] x = a.asFloat().floats();
    float[] y = io.keras4j.backend.Buffers.floats(x.length);
    for (int i = 0; i < x.length; i++) {
      y[i] = bool(x[i] == 0);
    }
    return Tensor.wrap(y, a.shape());
  }

  /**
   * {@code x} where {@code condition} is nonzero, else {@code y}; all three broadcast together. The
   * result is int32 when x and y both are, else float32. The gradient goes to the branch taken.
   */
  static Tensor where(Tensor condition, Tensor x, Tensor y) {
    int[] sc = condition.shapeRef();
    int[] sx = x.shapeRef();
    int[] sy = y.shapeRef();
    int[] so = Shapes.broadcast(Shapes.broadcast(sc, sx), sy);
    int[] mc = Reductions.indexMap(so, sc);
    int[] mx = Reductions.indexMap(so, sx);
    int[] my = Reductions.indexMap(so, sy);
    float[] c = condition.asFloat().floats();
    boolean[] pick = new boolean[mc.length];
    for (int i = 0; i < pick.length; i++) {
      pick[i] = c[mc[i]] != 0;
    }
    if (x.dtype() == DType.INT32 && y.dtype() == DType.INT32) {
      int[] xi = x.ints();
      int[] yi = y.ints();
      int[] out = new int[pick.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = pick[i] ? xi[mx[i]] : yi[my[i]];
      }
      return Tensor.wrapInts(out, so);
    }
    float[] xf = x.asFloat().floats();
    float[] yf = y.asFloat().floats();
    float[] out = io.keras4j.backend.Buffers.floats(pick.length);
    for (int i = 0; i < out.length; i++) {
      out[i] = pick[i] ? xf[mx[i]] : yf[my[i]];
    }
    Tensor result = Tensor.wrap(out, so);
    GradientTape.record(
        result,
        new Tensor[] {condition, x, y},
        g -> {
          float[] gv = g.floats();
          float[] gx = io.keras4j.backend.Buffers.floats((int) Shapes.size(sx));
          float[] gy = io.keras4j.backend.Buffers.floats((int) Shapes.size(sy));
          for (int i = 0; i < gv.length; i++) {
            if (pick[i]) {
              gx[mx[i]] += gv[i];
            } else {
              gy[my[i]] += gv[i];
            }
          }
          return new Tensor[] {null, Tensor.wrap(gx, sx.clone()), Tensor.wrap(gy, sy.clone())};
        });
    return result;
  }
}

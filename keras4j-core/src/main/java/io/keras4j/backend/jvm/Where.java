package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.internal.ShapeRefs;

/** {@code where(condition, x, y)} with three-way broadcasting, and the split of its gradient. */
final class Where {
  private Where() {}

  static Tensor where(Tensor condition, Tensor x, Tensor y) {
    int[] sc = ShapeRefs.of(condition);
    int[] sx = ShapeRefs.of(x);
    int[] sy = ShapeRefs.of(y);
    int[] so = Shapes.broadcast(Shapes.broadcast(sc, sx), sy);
    float[] c = JvmTensors.floats(condition);
    BroadcastCursor cur = BroadcastCursor.of(so, sc, sx, sy);
    int len = cur.len;
    int stc = cur.step[0];
    int stx = cur.step[1];
    int sty = cur.step[2];
    if (x.dtype() == DType.INT32 && y.dtype() == DType.INT32) {
      int[] xi = JvmTensors.ints(x);
      int[] yi = JvmTensors.ints(y);
      int[] o = new int[(int) Shapes.size(so)];
      for (int r = 0, oo = 0; r < cur.rows; r++, oo += len, cur.next()) {
        int ic = cur.off[0];
        int ix = cur.off[1];
        int iy = cur.off[2];
        for (int i = 0; i < len; i++) {
          o[oo + i] = c[ic + i * stc] != 0 ? xi[ix + i * stx] : yi[iy + i * sty];
        }
      }
      return JvmTensors.wrapInts(o, so);
    }
    float[] xf = JvmTensors.floats(x);
    float[] yf = JvmTensors.floats(y);
    float[] o = JvmTensors.output((int) Shapes.size(so));
    for (int r = 0, oo = 0; r < cur.rows; r++, oo += len, cur.next()) {
      int ic = cur.off[0];
      int ix = cur.off[1];
      int iy = cur.off[2];
      for (int i = 0; i < len; i++) {
        o[oo + i] = c[ic + i * stc] != 0 ? xf[ix + i * stx] : yf[iy + i * sty];
      }
    }
    return JvmTensors.wrap(o, so);
  }

  /**
   * {@code {dy where condition, dy elsewhere}}, both of dy's shape (the broadcast shape), zero on
   * the other branch.
   */
  static Tensor[] split(Tensor condition, Tensor dy) {
    int[] so = ShapeRefs.of(dy);
    float[] c = JvmTensors.floats(condition);
    float[] g = JvmTensors.floats(dy);
    float[] gx = JvmTensors.output(g.length);
    float[] gy = JvmTensors.output(g.length);
    BroadcastCursor cur = BroadcastCursor.of(so, ShapeRefs.of(condition));
    int len = cur.len;
    int stc = cur.step[0];
    for (int r = 0, oo = 0; r < cur.rows; r++, oo += len, cur.next()) {
      int ic = cur.off[0];
      for (int i = 0; i < len; i++) {
        boolean pick = c[ic + i * stc] != 0;
        gx[oo + i] = pick ? g[oo + i] : 0f;
        gy[oo + i] = pick ? 0f : g[oo + i];
      }
    }
    return new Tensor[] {JvmTensors.wrap(gx, so.clone()), JvmTensors.wrap(gy, so.clone())};
  }
}

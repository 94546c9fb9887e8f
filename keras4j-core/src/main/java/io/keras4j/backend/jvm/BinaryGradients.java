package io.keras4j.backend.jvm;

import io.keras4j.Tensor;
import io.keras4j.backend.BinaryOp;
import io.keras4j.backend.CompareOp;
import io.keras4j.internal.ShapeRefs;

/**
 * The gradients of the binary arithmetic: each computed over the broadcast shape with the binary
 * loops, then summed back to its input's shape.
 */
final class BinaryGradients {
  private final JvmMath math;
  private final BinaryLoops loops;

  BinaryGradients(JvmMath math, BinaryLoops loops) {
    this.math = math;
    this.loops = loops;
  }

  Tensor[] backward(
      BinaryOp op, Tensor a, Tensor b, Tensor y, Tensor dy, boolean needA, boolean needB) {
    int[] sa = ShapeRefs.of(a);
    int[] sb = ShapeRefs.of(b);
    int[] so = ShapeRefs.of(dy);
    float[] g = JvmTensors.floats(dy);
    Tensor da = null;
    Tensor db = null;
    switch (op) {
      case ADD -> {
        da = needA ? math.sumToShape(dy, sa) : null;
        db = needB ? math.sumToShape(dy, sb) : null;
      }
      case SUBTRACT -> {
        da = needA ? math.sumToShape(dy, sa) : null;
        db = needB ? negated(math.sumToShape(dy, sb)) : null;
      }
      case MULTIPLY -> {
        da = needA ? summed(full(BinaryOp.MULTIPLY, g, so, b), so, sa) : null;
        db = needB ? summed(full(BinaryOp.MULTIPLY, g, so, a), so, sb) : null;
      }
      case DIVIDE -> {
        da = needA ? summed(full(BinaryOp.DIVIDE, g, so, b), so, sa) : null;
        if (needB) {
          // d(a/b)/db = -(a/b)/b = -y/b
          float[] t = JvmTensors.output(g.length);
          loops.mul(g, 0, JvmTensors.floats(y), 0, t, 0, g.length);
          float[] u = JvmTensors.output(g.length);
          math.binaryInto(BinaryOp.DIVIDE, t, so, JvmTensors.floats(b), sb, so, u);
          db = negated(math.sumToShape(JvmTensors.wrap(u, so.clone()), sb));
        }
      }
      case POWER -> {
        Tensor[] full = power(a, b, g, so, needA, needB);
        da = needA ? math.sumToShape(full[0], sa) : null;
        db = needB ? math.sumToShape(full[1], sb) : null;
      }
      case MAXIMUM, MINIMUM -> {
        // Ties send the gradient to a, as TensorFlow does; NaN sends it to b.
        float[] pickA = JvmTensors.output(g.length);
        CompareOp cmp = op == BinaryOp.MAXIMUM ? CompareOp.GREATER_EQUAL : CompareOp.LESS_EQUAL;
        JvmMath.compareInto(cmp, JvmTensors.floats(a), sa, JvmTensors.floats(b), sb, so, pickA);
        float[] ga = JvmTensors.output(g.length);
        loops.mul(g, 0, pickA, 0, ga, 0, g.length);
        if (needB) {
          float[] gb = JvmTensors.output(g.length);
          loops.sub(g, 0, ga, 0, gb, 0, g.length);
          db = summed(gb, so, sb);
        }
        da = needA ? summed(ga, so, sa) : null;
      }
    }
    return new Tensor[] {da, db};
  }

  /** {@code op(g, other)} over g's shape {@code so}. */
  private float[] full(BinaryOp op, float[] g, int[] so, Tensor other) {
    float[] o = JvmTensors.output(g.length);
    math.binaryInto(op, g, so, JvmTensors.floats(other), ShapeRefs.of(other), so, o);
    return o;
  }

  /** {@code full} (of the broadcast shape {@code so}) summed down to {@code shape}. */
  private Tensor summed(float[] full, int[] so, int[] shape) {
    return math.sumToShape(JvmTensors.wrap(full, so.clone()), shape);
  }

  private Tensor negated(Tensor t) {
    float[] v = JvmTensors.floats(t);
    float[] o = JvmTensors.output(v.length);
    loops.mulScalar(v, 0, -1f, o, 0, v.length);
    return JvmTensors.wrap(o, t.shape());
  }

  /**
   * {@code {g * b a^(b-1), g * a^b log(a)}} over the broadcast shape (null where not needed); the
   * first is 0 where b is 0, the second 0 where a <= 0.
   */
  private static Tensor[] power(
      Tensor a, Tensor b, float[] g, int[] so, boolean needA, boolean needB) {
    float[] x = JvmTensors.floats(a);
    float[] y = JvmTensors.floats(b);
    float[] ga = needA ? JvmTensors.output(g.length) : null;
    float[] gb = needB ? JvmTensors.output(g.length) : null;
    BroadcastCursor c = BroadcastCursor.of(so, ShapeRefs.of(a), ShapeRefs.of(b));
    int len = c.len;
    int sx = c.step[0];
    int sy = c.step[1];
    for (int r = 0, oo = 0; r < c.rows; r++, oo += len, c.next()) {
      int ix = c.off[0];
      int iy = c.off[1];
      for (int i = 0; i < len; i++) {
        double xv = x[ix + i * sx];
        double yv = y[iy + i * sy];
        if (ga != null) {
          ga[oo + i] = yv == 0 ? 0f : (float) (g[oo + i] * (yv * Math.pow(xv, yv - 1)));
        }
        if (gb != null) {
          gb[oo + i] = xv > 0 ? (float) (g[oo + i] * (Math.pow(xv, yv) * Math.log(xv))) : 0f;
        }
      }
    }
    return new Tensor[] {
      ga == null ? null : JvmTensors.wrap(ga, so.clone()),
      gb == null ? null : JvmTensors.wrap(gb, so.clone())
    };
  }
}

package io.keras4j.backend.jvm;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.BinaryOp;
import io.keras4j.backend.CompareOp;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.ReduceOp;
import io.keras4j.backend.UnaryOp;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * The Java implementation of {@link MathKernels}. Each operation runs its own loop: the switch on
 * the operation happens once per call (or once per row of a broadcast), never per element.
 */
final class JvmMath implements MathKernels {
  private final UnaryLoops unary;
  private final BinaryLoops binary;
  private final Reductions reductions;
  private final BinaryGradients gradients;

  JvmMath(Kernels kernels) {
    this(Loops.matching(kernels));
  }

  JvmMath(Loops loops) {
    this.unary = loops.unary();
    this.binary = loops.binary();
    this.reductions = new Reductions(loops.rows(), loops.binary());
    this.gradients = new BinaryGradients(this, loops.binary());
  }

  @Override
  public Tensor unary(UnaryOp op, Tensor x) {
    float[] a = JvmTensors.floats(x);
    int n = a.length;
    float[] o = JvmTensors.output(n);
    switch (op) {
      case NEGATIVE -> unary.negative(a, 0, o, 0, n);
      case ABS -> unary.abs(a, 0, o, 0, n);
      case SIGN -> unary.sign(a, 0, o, 0, n);
      case SQUARE -> unary.square(a, 0, o, 0, n);
      case SQRT -> unary.sqrt(a, 0, o, 0, n);
      case RSQRT -> unary.rsqrt(a, 0, o, 0, n);
      case EXP -> unary.exp(a, 0, o, 0, n);
      case EXPM1 -> unary.expm1(a, 0, o, 0, n);
      case LOG -> unary.log(a, 0, o, 0, n);
      case LOG1P -> unary.log1p(a, 0, o, 0, n);
      case TANH -> unary.tanh(a, 0, o, 0, n);
      case SIGMOID -> unary.sigmoid(a, 0, o, 0, n);
      case RELU -> unary.relu(a, 0, o, 0, n);
      case SOFTPLUS -> unary.softplus(a, 0, o, 0, n);
      case SOFTSIGN -> unary.softsign(a, 0, o, 0, n);
      case ERF -> unary.erf(a, 0, o, 0, n);
      case SIN -> unary.sin(a, 0, o, 0, n);
      case COS -> unary.cos(a, 0, o, 0, n);
      case RECIPROCAL -> unary.reciprocal(a, 0, o, 0, n);
      case FLOOR -> unary.floor(a, 0, o, 0, n);
      case CEIL -> unary.ceil(a, 0, o, 0, n);
      case ROUND -> unary.round(a, 0, o, 0, n);
    }
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy) {
    float[] o = JvmTensors.output((int) x.size());
    UnaryGradients.apply(
        op, JvmTensors.floats(x), JvmTensors.floats(y), JvmTensors.floats(dy), o, o.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor clip(Tensor x, float min, float max) {
    if (x.dtype() == DType.INT32) {
      int[] a = JvmTensors.ints(x);
      int[] o = new int[a.length];
      for (int i = 0; i < a.length; i++) {
        o[i] = (int) Math.min(Math.max((float) a[i], min), max);
      }
      return JvmTensors.wrapInts(o, x.shape());
    }
    float[] a = JvmTensors.floats(x);
    float[] o = JvmTensors.output(a.length);
    unary.clip(a, 0, min, max, o, 0, a.length);
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor clipBackward(Tensor x, float min, float max, Tensor dy) {
    float[] a = JvmTensors.floats(x);
    float[] g = JvmTensors.floats(dy);
    float[] o = JvmTensors.output(a.length);
    for (int i = 0; i < a.length; i++) {
      float v = a[i];
      o[i] = v >= min && v <= max ? g[i] : 0f;
    }
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor cast(Tensor x, DType dtype) {
    if (x.dtype() == dtype) {
      return x;
    }
    if (dtype == DType.INT32) {
      float[] a = JvmTensors.floats(x);
      int[] o = new int[a.length];
      unary.toInt(a, 0, o, 0, a.length);
      return JvmTensors.wrapInts(o, x.shape());
    }
    int[] a = JvmTensors.ints(x);
    float[] o = JvmTensors.output(a.length);
    unary.toFloat(a, 0, o, 0, a.length);
    return JvmTensors.wrap(o, x.shape());
  }

  // ---- binary arithmetic ---------------------------------------------------------------------

  @Override
  public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
    int[] so = Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    float[] o = JvmTensors.output((int) Shapes.size(so));
    binaryInto(
        op, JvmTensors.floats(a), ShapeRefs.of(a), JvmTensors.floats(b), ShapeRefs.of(b), so, o);
    return JvmTensors.wrap(o, so);
  }

  /** {@code o = op(x, y)} over the broadcast shape {@code so}. */
  void binaryInto(BinaryOp op, float[] x, int[] sx, float[] y, int[] sy, int[] so, float[] o) {
    int n = o.length;
    if (x.length == n && y.length == n) {
      runs(op, x, 0, y, 0, o, 0, n);
    } else if (x.length == n && y.length == 1) {
      runScalar(op, x, 0, y[0], o, 0, n);
    } else if (x.length == 1 && y.length == n) {
      scalarRun(op, x[0], y, 0, o, 0, n);
    } else {
      BroadcastCursor c = BroadcastCursor.of(so, sx, sy);
      int len = c.len;
      for (int r = 0, oo = 0; r < c.rows; r++, oo += len, c.next()) {
        int ia = c.off[0];
        int ib = c.off[1];
        if (c.step[0] == 1 && c.step[1] == 1) {
          runs(op, x, ia, y, ib, o, oo, len);
        } else if (c.step[0] == 1) {
          runScalar(op, x, ia, y[ib], o, oo, len);
        } else if (c.step[1] == 1) {
          scalarRun(op, x[ia], y, ib, o, oo, len);
        } else {
          runScalar(op, x, ia, y[ib], o, oo, 1);
          Arrays.fill(o, oo + 1, oo + len, o[oo]);
        }
      }
    }
  }

  private void runs(BinaryOp op, float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
    switch (op) {
      case ADD -> binary.add(x, xo, y, yo, o, oo, n);
      case SUBTRACT -> binary.sub(x, xo, y, yo, o, oo, n);
      case MULTIPLY -> binary.mul(x, xo, y, yo, o, oo, n);
      case DIVIDE -> binary.div(x, xo, y, yo, o, oo, n);
      case POWER -> binary.pow(x, xo, y, yo, o, oo, n);
      case MAXIMUM -> binary.max(x, xo, y, yo, o, oo, n);
      case MINIMUM -> binary.min(x, xo, y, yo, o, oo, n);
    }
  }

  private void runScalar(BinaryOp op, float[] x, int xo, float s, float[] o, int oo, int n) {
    switch (op) {
      case ADD -> binary.addScalar(x, xo, s, o, oo, n);
      case SUBTRACT -> binary.subScalar(x, xo, s, o, oo, n);
      case MULTIPLY -> binary.mulScalar(x, xo, s, o, oo, n);
      case DIVIDE -> binary.divScalar(x, xo, s, o, oo, n);
      case POWER -> binary.powScalar(x, xo, s, o, oo, n);
      case MAXIMUM -> binary.maxScalar(x, xo, s, o, oo, n);
      case MINIMUM -> binary.minScalar(x, xo, s, o, oo, n);
    }
  }

  private void scalarRun(BinaryOp op, float s, float[] y, int yo, float[] o, int oo, int n) {
    switch (op) {
      case ADD -> binary.addScalar(y, yo, s, o, oo, n);
      case SUBTRACT -> binary.scalarSub(s, y, yo, o, oo, n);
      case MULTIPLY -> binary.mulScalar(y, yo, s, o, oo, n);
      case DIVIDE -> binary.scalarDiv(s, y, yo, o, oo, n);
      case POWER -> binary.scalarPow(s, y, yo, o, oo, n);
      case MAXIMUM -> binary.maxScalar(y, yo, s, o, oo, n);
      case MINIMUM -> binary.minScalar(y, yo, s, o, oo, n);
    }
  }

  @Override
  public Tensor[] binaryBackward(
      BinaryOp op, Tensor a, Tensor b, Tensor y, Tensor dy, boolean needA, boolean needB) {
    return gradients.backward(op, a, b, y, dy, needA, needB);
  }

  @Override
  public Tensor sumToShape(Tensor g, int[] shape) {
    return reductions.sumToShape(g, shape);
  }

  // ---- comparisons, logic, where -------------------------------------------------------------

  @Override
  public Tensor compare(CompareOp op, Tensor a, Tensor b) {
    int[] so = Shapes.broadcast(ShapeRefs.of(a), ShapeRefs.of(b));
    float[] o = JvmTensors.output((int) Shapes.size(so));
    compareInto(
        op, JvmTensors.floats(a), ShapeRefs.of(a), JvmTensors.floats(b), ShapeRefs.of(b), so, o);
    return JvmTensors.wrap(o, so);
  }

  /** {@code o = op(x, y) ? 1 : 0} over the broadcast shape {@code so}. */
  static void compareInto(
      CompareOp op, float[] x, int[] sx, float[] y, int[] sy, int[] so, float[] o) {
    int n = o.length;
    if (x.length == n && y.length == n) {
      compareRuns(op, x, 0, y, 0, o, 0, n);
    } else if (x.length == n && y.length == 1) {
      compareScalar(op, x, 0, y[0], o, 0, n);
    } else if (x.length == 1 && y.length == n) {
      compareScalar(mirror(op), y, 0, x[0], o, 0, n);
    } else {
      BroadcastCursor c = BroadcastCursor.of(so, sx, sy);
      int len = c.len;
      for (int r = 0, oo = 0; r < c.rows; r++, oo += len, c.next()) {
        int ia = c.off[0];
        int ib = c.off[1];
        if (c.step[0] == 1 && c.step[1] == 1) {
          compareRuns(op, x, ia, y, ib, o, oo, len);
        } else if (c.step[0] == 1) {
          compareScalar(op, x, ia, y[ib], o, oo, len);
        } else if (c.step[1] == 1) {
          compareScalar(mirror(op), y, ib, x[ia], o, oo, len);
        } else {
          compareScalar(op, x, ia, y[ib], o, oo, 1);
          Arrays.fill(o, oo + 1, oo + len, o[oo]);
        }
      }
    }
  }

  /** The comparison with its arguments swapped: {@code s OP b} is {@code b mirror(OP) s}. */
  private static CompareOp mirror(CompareOp op) {
    return switch (op) {
      case GREATER -> CompareOp.LESS;
      case GREATER_EQUAL -> CompareOp.LESS_EQUAL;
      case LESS -> CompareOp.GREATER;
      case LESS_EQUAL -> CompareOp.GREATER_EQUAL;
      default -> op;
    };
  }

  private static void compareRuns(
      CompareOp op, float[] x, int xo, float[] y, int yo, float[] o, int oo, int n) {
    switch (op) {
      case EQUAL -> CompareLoops.equal(x, xo, y, yo, o, oo, n);
      case NOT_EQUAL -> CompareLoops.notEqual(x, xo, y, yo, o, oo, n);
      case GREATER -> CompareLoops.greater(x, xo, y, yo, o, oo, n);
      case GREATER_EQUAL -> CompareLoops.greaterEqual(x, xo, y, yo, o, oo, n);
      case LESS -> CompareLoops.less(x, xo, y, yo, o, oo, n);
      case LESS_EQUAL -> CompareLoops.lessEqual(x, xo, y, yo, o, oo, n);
      case LOGICAL_AND -> CompareLoops.logicalAnd(x, xo, y, yo, o, oo, n);
      case LOGICAL_OR -> CompareLoops.logicalOr(x, xo, y, yo, o, oo, n);
    }
  }

  private static void compareScalar(
      CompareOp op, float[] x, int xo, float s, float[] o, int oo, int n) {
    switch (op) {
      case EQUAL -> CompareLoops.equal(x, xo, s, o, oo, n);
      case NOT_EQUAL -> CompareLoops.notEqual(x, xo, s, o, oo, n);
      case GREATER -> CompareLoops.greater(x, xo, s, o, oo, n);
      case GREATER_EQUAL -> CompareLoops.greaterEqual(x, xo, s, o, oo, n);
      case LESS -> CompareLoops.less(x, xo, s, o, oo, n);
      case LESS_EQUAL -> CompareLoops.lessEqual(x, xo, s, o, oo, n);
      case LOGICAL_AND -> CompareLoops.logicalAnd(x, xo, s, o, oo, n);
      case LOGICAL_OR -> CompareLoops.logicalOr(x, xo, s, o, oo, n);
    }
  }

  @Override
  public Tensor logicalNot(Tensor x) {
    float[] a = JvmTensors.floats(x);
    float[] o = JvmTensors.output(a.length);
    for (int i = 0; i < a.length; i++) {
      o[i] = a[i] == 0 ? 1f : 0f;
    }
    return JvmTensors.wrap(o, x.shape());
  }

  @Override
  public Tensor where(Tensor condition, Tensor x, Tensor y) {
    return Where.where(condition, x, y);
  }

  @Override
  public Tensor[] whereBackward(Tensor condition, Tensor dy, int[] xShape, int[] yShape) {
    Tensor[] full = Where.split(condition, dy);
    return new Tensor[] {sumToShape(full[0], xShape), sumToShape(full[1], yShape)};
  }

  // ---- reductions ----------------------------------------------------------------------------

  @Override
  public Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepdims) {
    return reductions.reduce(op, x, axes, keepdims);
  }

  @Override
  public Tensor reduceBackward(ReduceOp op, Tensor x, Tensor y, Tensor dy, int[] axes) {
    return reductions.backward(op, x, y, dy, axes);
  }

  @Override
  public Tensor argmax(Tensor x, int axis) {
    return Reductions.argExtreme(x, axis, true);
  }

  @Override
  public Tensor argmin(Tensor x, int axis) {
    return Reductions.argExtreme(x, axis, false);
  }

  @Override
  public Tensor cumsum(Tensor x, int axis, boolean reverse) {
    return reductions.cumsum(x, axis, reverse);
  }
}

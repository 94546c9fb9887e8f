package io.keras4j.ops;

import io.keras4j.Tensor;

/**
 * The ops of keras4j, as Keras's {@code keras.ops}: static methods on {@link Tensor}s that record
 * their gradients on an open {@link GradientTape}. Each op lives, with its gradient, in one class
 * of this package; this class only names them.
 */
public final class Ops {
  private Ops() {}

  // ---- arithmetic (numpy broadcasting) ---------------------------------------------------

  public static Tensor add(Tensor a, Tensor b) {
    return BinaryOps.add(a, b);
  }

  public static Tensor subtract(Tensor a, Tensor b) {
    return BinaryOps.subtract(a, b);
  }

  public static Tensor multiply(Tensor a, Tensor b) {
    return BinaryOps.multiply(a, b);
  }

  public static Tensor divide(Tensor a, Tensor b) {
    return BinaryOps.divide(a, b);
  }

  public static Tensor power(Tensor a, Tensor b) {
    return BinaryOps.power(a, b);
  }

  public static Tensor power(Tensor a, float exponent) {
    return BinaryOps.power(a, Tensor.scalar(exponent));
  }

  public static Tensor maximum(Tensor a, Tensor b) {
    return BinaryOps.maximum(a, b);
  }

  public static Tensor minimum(Tensor a, Tensor b) {
    return BinaryOps.minimum(a, b);
  }

  public static Tensor add(Tensor a, float b) {
    return add(a, Tensor.scalar(b));
  }

  public static Tensor multiply(Tensor a, float b) {
    return multiply(a, Tensor.scalar(b));
  }

  // ---- elementwise functions -------------------------------------------------------------

  public static Tensor negative(Tensor x) {
    return UnaryOps.negative(x);
  }

  public static Tensor abs(Tensor x) {
    return UnaryOps.abs(x);
  }

  public static Tensor sign(Tensor x) {
    return UnaryOps.sign(x);
  }

  public static Tensor square(Tensor x) {
    return UnaryOps.square(x);
  }

  public static Tensor sqrt(Tensor x) {
    return UnaryOps.sqrt(x);
  }

  public static Tensor exp(Tensor x) {
    return UnaryOps.exp(x);
  }

  public static Tensor expm1(Tensor x) {
    return UnaryOps.expm1(x);
  }

  public static Tensor log(Tensor x) {
    return UnaryOps.log(x);
  }

  public static Tensor log1p(Tensor x) {
    return UnaryOps.log1p(x);
  }

  public static Tensor tanh(Tensor x) {
    return UnaryOps.tanh(x);
  }

  public static Tensor sigmoid(Tensor x) {
    return UnaryOps.sigmoid(x);
  }

  public static Tensor relu(Tensor x) {
    return UnaryOps.relu(x);
  }

  public static Tensor softplus(Tensor x) {
    return UnaryOps.softplus(x);
  }

  public static Tensor softsign(Tensor x) {
    return UnaryOps.softsign(x);
  }

  public static Tensor erf(Tensor x) {
    return UnaryOps.erf(x);
  }

  public static Tensor sin(Tensor x) {
    return UnaryOps.sin(x);
  }

  public static Tensor cos(Tensor x) {
    return UnaryOps.cos(x);
  }

  public static Tensor reciprocal(Tensor x) {
    return UnaryOps.reciprocal(x);
  }

  public static Tensor floor(Tensor x) {
    return UnaryOps.floor(x);
  }

  public static Tensor ceil(Tensor x) {
    return UnaryOps.ceil(x);
  }

  public static Tensor round(Tensor x) {
    return UnaryOps.round(x);
  }

  // ---- linear algebra --------------------------------------------------------------------

  public static Tensor matmul(Tensor a, Tensor b) {
    return MatMul.matmul(a, b, false, false);
  }

  /** {@code op(a) @ op(b)} where op transposes the last two axes when asked. */
  public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    return MatMul.matmul(a, b, transposeA, transposeB);
  }

  // ---- reductions ------------------------------------------------------------------------

  /** Sum of all elements. */
  public static Tensor sum(Tensor x) {
    return Reductions.sum(x, null, false);
  }

  public static Tensor sum(Tensor x, int axis) {
    return Reductions.sum(x, new int[] {axis}, false);
  }

  public static Tensor sum(Tensor x, int[] axes, boolean keepdims) {
    return Reductions.sum(x, axes, keepdims);
  }

  public static Tensor mean(Tensor x) {
    return Reductions.mean(x, null, false);
  }

  public static Tensor mean(Tensor x, int axis) {
    return Reductions.mean(x, new int[] {axis}, false);
  }

  public static Tensor mean(Tensor x, int[] axes, boolean keepdims) {
    return Reductions.mean(x, axes, keepdims);
  }

  public static Tensor max(Tensor x) {
    return Reductions.extreme(x, null, false, true);
  }

  public static Tensor max(Tensor x, int axis) {
    return Reductions.extreme(x, new int[] {axis}, false, true);
  }

  public static Tensor max(Tensor x, int[] axes, boolean keepdims) {
    return Reductions.extreme(x, axes, keepdims, true);
  }

  public static Tensor min(Tensor x) {
    return Reductions.extreme(x, null, false, false);
  }

  public static Tensor min(Tensor x, int axis) {
    return Reductions.extreme(x, new int[] {axis}, false, false);
  }

  public static Tensor min(Tensor x, int[] axes, boolean keepdims) {
    return Reductions.extreme(x, axes, keepdims, false);
  }

  /** Index of the largest value along an axis (int32). */
  public static Tensor argmax(Tensor x, int axis) {
    return Reductions.argmax(x, axis, true);
  }

  /** Index of the smallest value along an axis (int32). */
  public static Tensor argmin(Tensor x, int axis) {
    return Reductions.argmax(x, axis, false);
  }

  // ---- shapes ----------------------------------------------------------------------------

  /** A new shape of the same size; one dimension may be -1. */
  public static Tensor reshape(Tensor x, int... shape) {
    return ShapeOps.reshape(x, shape);
  }

  /** Reverses the axes. */
  public static Tensor transpose(Tensor x) {
    return ShapeOps.transpose(x, null);
  }

  /** Permutes the axes: output axis i is input axis {@code axes[i]}. */
  public static Tensor transpose(Tensor x, int... axes) {
    return ShapeOps.transpose(x, axes);
  }

  public static Tensor broadcastTo(Tensor x, int... shape) {
    return ShapeOps.broadcastTo(x, shape);
  }

  public static Tensor expandDims(Tensor x, int axis) {
    return ShapeOps.expandDims(x, axis);
  }

  /** Removes all axes of size 1. */
  public static Tensor squeeze(Tensor x) {
    return ShapeOps.squeeze(x, null);
  }

  public static Tensor squeeze(Tensor x, int... axes) {
    return ShapeOps.squeeze(x, axes);
  }

  // ---- neural-network functions ----------------------------------------------------------

  /** Softmax over the last axis. */
  public static Tensor softmax(Tensor x) {
    return SoftmaxOps.softmax(x, -1);
  }

  public static Tensor softmax(Tensor x, int axis) {
    return SoftmaxOps.softmax(x, axis);
  }

  public static Tensor logSoftmax(Tensor x) {
    return SoftmaxOps.logSoftmax(x, -1);
  }

  public static Tensor logSoftmax(Tensor x, int axis) {
    return SoftmaxOps.logSoftmax(x, axis);
  }

  // ---- pending (from the layers branch) ----

  public static Tensor concatenate(java.util.List<Tensor> xs, int axis) {
    return PendingOps.concatenate(xs, axis);
  }

  public static Tensor take(Tensor x, Tensor indices, int axis) {
    return PendingOps.take(x, indices, axis);
  }

  public static Tensor where(Tensor condition, Tensor x, Tensor y) {
    return PendingOps.where(condition, x, y);
  }

  public static Tensor notEqual(Tensor a, Tensor b) {
    return PendingOps.notEqual(a, b);
  }

  public static Tensor greater(Tensor a, Tensor b) {
    return PendingOps.greater(a, b);
  }

  public static Tensor clip(Tensor x, float min, float max) {
    return PendingOps.clip(x, min, max);
  }
}

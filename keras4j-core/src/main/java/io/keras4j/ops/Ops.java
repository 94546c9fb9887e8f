package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Tensor;
import io.keras4j.backend.FusedActivation;
import java.util.List;

/**
 * The ops of keras4j, as Keras's {@code keras.ops}: static methods on {@link Tensor}s that record
 * their gradients on an open {@link GradientTape}. Each op lives, with its gradient, in one class
 * of this package; this class only names them. The neural-network ops ({@code keras.ops.nn}) are
 * declared in {@link NnOps} and inherited here.
 */
public final class Ops extends NnOps {
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

  /** 1 / sqrt(x). */
  public static Tensor rsqrt(Tensor x) {
    return UnaryOps.rsqrt(x);
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

  /** Limits values to [min, max]; the gradient is 1 inside the closed interval, 0 outside. */
  public static Tensor clip(Tensor x, float min, float max) {
    return UnaryOps.clip(x, min, max);
  }

  /** Converts to float32 or int32 (float to int truncates toward zero). */
  public static Tensor cast(Tensor x, DType dtype) {
    return UnaryOps.cast(x, dtype);
  }

  // ---- comparisons and logic (float32 1/0 results, broadcasting, no gradient) ------------

  public static Tensor equal(Tensor a, Tensor b) {
    return CompareOps.equal(a, b);
  }

  public static Tensor notEqual(Tensor a, Tensor b) {
    return CompareOps.notEqual(a, b);
  }

  public static Tensor greater(Tensor a, Tensor b) {
    return CompareOps.greater(a, b);
  }

  public static Tensor greaterEqual(Tensor a, Tensor b) {
    return CompareOps.greaterEqual(a, b);
  }

  public static Tensor less(Tensor a, Tensor b) {
    return CompareOps.less(a, b);
  }

  public static Tensor lessEqual(Tensor a, Tensor b) {
    return CompareOps.lessEqual(a, b);
  }

  /** 1 where both are nonzero, else 0. */
  public static Tensor logicalAnd(Tensor a, Tensor b) {
    return CompareOps.logicalAnd(a, b);
  }

  /** 1 where either is nonzero, else 0. */
  public static Tensor logicalOr(Tensor a, Tensor b) {
    return CompareOps.logicalOr(a, b);
  }

  /** 1 where x is zero, else 0. */
  public static Tensor logicalNot(Tensor x) {
    return CompareOps.logicalNot(x);
  }

  /** x where condition is nonzero, else y; the three broadcast together. */
  public static Tensor where(Tensor condition, Tensor x, Tensor y) {
    return CompareOps.where(condition, x, y);
  }

  // ---- linear algebra --------------------------------------------------------------------

  public static Tensor matmul(Tensor a, Tensor b) {
    return MatMul.matmul(a, b, false, false);
  }

  /** {@code op(a) @ op(b)} where op transposes the last two axes when asked. */
  public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
    return MatMul.matmul(a, b, transposeA, transposeB);
  }

  /**
   * A Dense layer's computation as one op: {@code activation(x @ kernel + bias)} for x of shape
   * {@code [..., k]}, kernel {@code [k, n]} and bias {@code [n]} (or null). The backend adds the
   * bias and applies the activation while each output tile is in cache, and the gradient is one
   * backward: {@code dz = dy * activation'(y)}, then dx, dkernel and dbias from dz.
   */
  public static Tensor linear(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation) {
    return LinearOps.linear(x, kernel, bias, activation);
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

  /** log(sum(exp(x))) of all elements, computed stably. */
  public static Tensor logsumexp(Tensor x) {
    return SoftmaxOps.logsumexp(x, null, false);
  }

  public static Tensor logsumexp(Tensor x, int axis, boolean keepdims) {
    return SoftmaxOps.logsumexp(x, new int[] {axis}, keepdims);
  }

  public static Tensor logsumexp(Tensor x, int[] axes, boolean keepdims) {
    return SoftmaxOps.logsumexp(x, axes, keepdims);
  }

  /** Running sum of the flattened tensor. */
  public static Tensor cumsum(Tensor x) {
    return Reductions.cumsum(ShapeOps.reshape(x, new int[] {-1}), 0);
  }

  public static Tensor cumsum(Tensor x, int axis) {
    return Reductions.cumsum(x, axis);
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

  /** Joins tensors along an existing axis (0 by default). */
  public static Tensor concatenate(List<Tensor> xs) {
    return SliceOps.concatenate(xs, 0);
  }

  public static Tensor concatenate(List<Tensor> xs, int axis) {
    return SliceOps.concatenate(xs, axis);
  }

  /** Joins tensors of one shape along a new axis (0 by default). */
  public static Tensor stack(List<Tensor> xs) {
    return SliceOps.stack(xs, 0);
  }

  public static Tensor stack(List<Tensor> xs, int axis) {
    return SliceOps.stack(xs, axis);
  }

  /** Splits into {@code sections} equal parts along axis 0. */
  public static List<Tensor> split(Tensor x, int sections) {
    return SliceOps.split(x, sections, 0);
  }

  public static List<Tensor> split(Tensor x, int sections, int axis) {
    return SliceOps.split(x, sections, axis);
  }

  /** Splits before each index along an axis, as numpy's split with a list of indices. */
  public static List<Tensor> split(Tensor x, int[] indices, int axis) {
    return SliceOps.splitAt(x, indices, axis);
  }

  /** The block of shape {@code size} at {@code start} (a size of -1 runs to the end). */
  public static Tensor slice(Tensor x, int[] start, int[] size) {
    return SliceOps.slice(x, start, size);
  }

  /** Pads with zeros: {@code padWidth[axis] = {before, after}} (one pair applies to all axes). */
  public static Tensor pad(Tensor x, int[][] padWidth) {
    return SliceOps.pad(x, padWidth, 0f);
  }

  public static Tensor pad(Tensor x, int[][] padWidth, float constantValue) {
    return SliceOps.pad(x, padWidth, constantValue);
  }

  /** Repeats the whole tensor along each axis, as numpy's tile. */
  public static Tensor tile(Tensor x, int... repeats) {
    return RepeatOps.tile(x, repeats);
  }

  /** Repeats each element of the flattened tensor. */
  public static Tensor repeat(Tensor x, int repeats) {
    return RepeatOps.repeat(ShapeOps.reshape(x, new int[] {-1}), repeats, 0);
  }

  public static Tensor repeat(Tensor x, int repeats, int axis) {
    return RepeatOps.repeat(x, repeats, axis);
  }

  /** Repeats element j along the axis {@code repeats[j]} times. */
  public static Tensor repeat(Tensor x, int[] repeats, int axis) {
    return RepeatOps.repeat(x, repeats, axis);
  }

  // ---- indexing --------------------------------------------------------------------------

  /** Elements of the flattened x at int32 indices (negative ones count from the end). */
  public static Tensor take(Tensor x, Tensor indices) {
    return GatherOps.take(ShapeOps.reshape(x, new int[] {-1}), indices, 0);
  }

  /** Slices of x along an axis at int32 indices: an embedding lookup is take(table, ids, 0). */
  public static Tensor take(Tensor x, Tensor indices, int axis) {
    return GatherOps.take(x, indices, axis);
  }

  /** One-hot float32 encoding on a new last axis; negative indices give zeros. */
  public static Tensor oneHot(Tensor x, int numClasses) {
    return GatherOps.oneHot(x, numClasses, -1);
  }

  public static Tensor oneHot(Tensor x, int numClasses, int axis) {
    return GatherOps.oneHot(x, numClasses, axis);
  }
}

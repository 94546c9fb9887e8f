package io.keras4j.backend;

import io.keras4j.DType;
import io.keras4j.Tensor;

/**
 * Elementwise arithmetic with numpy broadcasting (unary and binary functions, comparisons, where,
 * clip), reductions over axes (sum, mean, max, min, logsumexp), argmax/argmin and cumsum, with the
 * kernels their gradients need.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 * Arguments are already validated by the caller (shapes broadcast, axes in range): a backend only
 * computes. Int32 inputs are read as float32 unless a method says otherwise; results are float32
 * unless a method says otherwise. Gradients ({@code dy}, and the results of the {@code *Backward}
 * methods) are float32 of the shape of the tensor they belong to.
 */
public interface MathKernels {

  /** {@code op(x)} elementwise, of x's shape. */
  Tensor unary(UnaryOp op, Tensor x);

  /**
   * The gradient of {@code y = unary(op, x)}: {@code dy * dy/dx}, from the input x and the output y
   * (whichever the derivative is cheaper from). Constant-valued functions (sign, floor, ceil,
   * round) give zeros.
   */
  Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy);

  /** {@code min(max(x, min), max)}; int32 input gives int32 (truncated toward zero). */
  Tensor clip(Tensor x, float min, float max);

  /** {@code dy} where {@code min <= x <= max}, else 0 (TensorFlow's convention). */
  Tensor clipBackward(Tensor x, float min, float max, Tensor dy);

  /**
   * x converted to {@code dtype} (float to int truncates toward zero); x when it has it already.
   */
  Tensor cast(Tensor x, DType dtype);

  /** {@code op(a, b)} elementwise with numpy broadcasting; the broadcast shape. */
  Tensor binary(BinaryOp op, Tensor a, Tensor b);

  /**
   * The gradients of {@code y = binary(op, a, b)} given {@code dy} (of y's shape): {@code {da,
   * db}}, each summed back to its input's shape, or null where not needed. Power's gradient with
   * respect to b is taken as 0 where {@code a <= 0}; maximum and minimum send ties to a.
   */
  Tensor[] binaryBackward(
      BinaryOp op, Tensor a, Tensor b, Tensor y, Tensor dy, boolean needA, boolean needB);

  /**
   * Sums {@code g} down to {@code shape}, which broadcasts to g's shape: the adjoint of
   * broadcasting. Returns g itself when the shapes are equal.
   */
  Tensor sumToShape(Tensor g, int[] shape);

  /** {@code op(a, b)} elementwise with numpy broadcasting: float32 1 or 0. */
  Tensor compare(CompareOp op, Tensor a, Tensor b);

  /** 1 where x is zero, else 0 (float32). */
  Tensor logicalNot(Tensor x);

  /**
   * x where {@code condition} is nonzero, else y; the three broadcast together. Int32 when x and y
   * both are, else float32.
   */
  Tensor where(Tensor condition, Tensor x, Tensor y);

  /**
   * The gradients of {@code where(condition, x, y)}: {@code {dx, dy}} of the shapes {@code xShape}
   * and {@code yShape}, each the output gradient on the elements its branch was taken, summed back
   * to its shape.
   */
  Tensor[] whereBackward(Tensor condition, Tensor dy, int[] xShape, int[] yShape);

  /**
   * Reduces x over {@code axes} (distinct, each in [0, rank); all axes when empty): reduced axes
   * are kept with size 1 when {@code keepdims}, removed otherwise.
   */
  Tensor reduce(ReduceOp op, Tensor x, int[] axes, boolean keepdims);

  /**
   * The gradient of {@code y = reduce(op, x, axes, keepdims)} (either keepdims) given {@code dy} of
   * y's shape: a tensor of x's shape.
   */
  Tensor reduceBackward(ReduceOp op, Tensor x, Tensor y, Tensor dy, int[] axes);

  /** Index of the largest value along {@code axis} (the first one on ties), int32. */
  Tensor argmax(Tensor x, int axis);

  /** Index of the smallest value along {@code axis} (the first one on ties), int32. */
  Tensor argmin(Tensor x, int axis);

  /**
   * Running sum along {@code axis} (from the end when {@code reverse}), accumulated in the input's
   * dtype: int32 stays int32. The gradient of a cumsum is the reverse cumsum of its gradient.
   */
  Tensor cumsum(Tensor x, int axis, boolean reverse);
}

package io.keras4j.backend;

import io.keras4j.Tensor;
import java.util.List;

/**
 * Matrix multiply with transposes and a fused Dense layer (bias and activation in the product's
 * epilogue, and its backward in as few passes as possible), and the ops that move data: transpose,
 * broadcast, concatenate, gathers through axis maps (slice, pad, tile, repeat) and their
 * scatter-add, take and its scatter-add, one-hot.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out. Arguments are validated by the ops of
 * {@code io.keras4j.ops} (shapes, axes, index ranges); a kernel may assume them valid. Data
 * movement keeps the dtype of its input (float32 or int32); arithmetic is float32.
 */
public interface ArrayKernels {

  // ---- matrix products -----------------------------------------------------------------------

  /**
   * {@code op(A) op(B)} on the last two axes, where {@code op(X)} is X or its transpose. Either
   * {@code b} has rank 2 and every leading axis of {@code a} is a batch axis (the product of a
   * Dense layer on any rank), or {@code a} and {@code b} have the same leading (batch) axes. Both
   * have rank >= 2. The result has a's leading axes, then m and n.
   */
  Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB);

  /**
   * A Dense layer: {@code activation(x kernel + bias)} for {@code x} of shape {@code [..., k]},
   * {@code kernel [k, n]} and {@code bias [n]} (or null), computed as one product whose epilogue
   * adds the bias and applies the activation while the output tile is in cache.
   */
  Tensor linear(Tensor x, Tensor kernel, Tensor bias, FusedActivation activation);

  /**
   * The gradients of {@link #linear} given its output {@code y} and the output's gradient {@code
   * dy}: {@code dz = dy * activation'(y)} once, then {@code dx = dz kernel^T}, {@code dkernel = x^T
   * dz} and {@code dbias} the column sums of dz. Returns {@code {dx, dkernel, dbias}}, each null
   * when not asked for (dbias also when bias is absent).
   */
  Tensor[] linearBackward(
      Tensor x,
      Tensor kernel,
      Tensor y,
      Tensor dy,
      FusedActivation activation,
      boolean needX,
      boolean needKernel,
      boolean needBias);

  // ---- moving data -----------------------------------------------------------------------

  /** Permutes the axes: output axis i is input axis {@code perm[i]} (a valid permutation). */
  Tensor transpose(Tensor x, int[] perm);

  /** Repeats x along its size-1 (or missing leading) axes to {@code shape}, numpy's rules. */
  Tensor broadcastTo(Tensor x, int[] shape);

  /**
   * Joins tensors of one rank and equal shapes but for {@code axis}; int32 when all are int32, else
   * float32.
   */
  Tensor concatenate(List<Tensor> xs, int axis);

  /**
   * A gather described axis by axis: output index {@code j} on axis {@code d} reads input index
   * {@code maps[d][j]} on that axis, or {@code fill} where a map holds -1 (truncated for int32).
   * The output has shape {@code [maps[0].length, maps[1].length, ...]}. Slice, pad, tile and repeat
   * are all such gathers.
   */
  Tensor gatherAxes(Tensor x, int[][] maps, float fill);

  /**
   * The adjoint of {@link #gatherAxes}: sums {@code g} (float32, of the maps' shape) into a zero
   * tensor of {@code shape}, skipping positions a map sends to -1.
   */
  Tensor scatterAddAxes(Tensor g, int[][] maps, int[] shape);

  /**
   * Takes entries along an axis: the output has shape {@code x.shape[:axis] + indices.shape +
   * x.shape[axis+1:]}. Indices (int32, or float32 holding whole numbers) are in {@code [-n, n)}; a
   * negative one counts from the end.
   */
  Tensor take(Tensor x, Tensor indices, int axis);

  /**
   * The adjoint of {@link #take}: sums {@code g} (float32, of take's output shape) into a zero
   * tensor of {@code shape} at the taken positions.
   */
  Tensor takeBackward(Tensor g, Tensor indices, int axis, int[] shape);

  /**
   * One-hot rows, float32, with the new axis of size {@code numClasses} at {@code axis} (in the
   * output's rank). Indices are below {@code numClasses}; a negative one gives zeros.
   */
  Tensor oneHot(Tensor indices, int numClasses, int axis);

  /**
   * The flat position of the first value of {@code indices} (int32, or float32) that is not a whole
   * number in {@code [low, high)}, or -1 when all are: the check behind take, one-hot and
   * embeddings, which then name the offending position and value.
   */
  long firstIndexOutside(Tensor indices, long low, long high);
}

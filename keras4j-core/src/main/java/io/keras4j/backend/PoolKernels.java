package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Max and average pooling over 1, 2 or 3 spatial axes, and their gradients: the kernels behind
 * Keras's {@code ops.max_pool} and {@code ops.average_pool}.
 *
 * <p>Part of {@link Backend}; tensors in, new float32 tensors out. Arguments are already validated
 * by the caller. Every tensor is {@code channels_last}: {@code (batch, s_1, ..., s_k, channels)}
 * with k spatial axes, {@code k} in [1, 3]; {@code pool}, {@code strides} and {@code padBefore}
 * have k entries. Output position {@code o} on spatial axis {@code i} reads the window of input
 * positions {@code [o * strides[i] - padBefore[i], ... + pool[i])}; positions outside the input are
 * padding, which takes no part: max pooling ignores them (TF's {@code -inf} padding), average
 * pooling leaves them out of the mean as Keras and TensorFlow do for {@code "same"}. The callers
 * never ask for a window without any input position.
 */
public interface PoolKernels {

  /**
   * The largest value of each window, per channel; the output has {@code outSpatial} as its spatial
   * sizes (which fix the padding after).
   */
  Tensor maxPool(Tensor x, int[] pool, int[] strides, int[] padBefore, int[] outSpatial);

  /**
   * The gradient of {@code y = maxPool(x, ...)} given {@code dy} (y's shape): each window sends its
   * {@code dy} to the position of its maximum, the first in row-major window order on ties (as
   * TensorFlow). The output has x's shape.
   */
  Tensor maxPoolBackward(Tensor x, Tensor y, Tensor dy, int[] pool, int[] strides, int[] padBefore);

  /** The mean of each window's input positions (padding left out), per channel. */
  Tensor averagePool(Tensor x, int[] pool, int[] strides, int[] padBefore, int[] outSpatial);

  /**
   * The gradient of {@code averagePool} given {@code dy}: each window spreads {@code dy / count}
   * over its input positions. The output has shape {@code inputShape}.
   */
  Tensor averagePoolBackward(
      int[] inputShape, Tensor dy, int[] pool, int[] strides, int[] padBefore);
}

package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Batch normalization in training as two fused passes, forward and backward: the op chain (moments,
 * then {@code x * inv + res}, and the gradients of each op) reads and writes the whole input about
 * twenty times, these kernels about nine (see docs/benchmarks.md, NormBenchmark).
 *
 * <p>Part of {@link Backend}; tensors in, new float32 tensors out. The input is viewed as {@code
 * (outer, C, inner)} around the normalized {@code axis} (already normalized, {@code 0 <= axis <
 * rank}); arguments are validated by the caller. Statistics are taken over every axis but {@code
 * axis}; the variance is biased (divided by the count), as Keras's {@code ops.moments}.
 */
public interface NormKernels {

  /**
   * {@code y = (x - mean) * rsqrt(variance + epsilon) * gamma + beta} with the batch's mean and
   * variance per index of {@code axis}.
   *
   * @param gamma the scale, 1-D of size C; null for 1
   * @param beta the offset, 1-D of size C; null for 0
   * @return {@code {y, mean, variance}}: y of x's shape, mean and variance 1-D of size C
   */
  Tensor[] batchNormTraining(Tensor x, int axis, Tensor gamma, Tensor beta, float epsilon);

  /**
   * The gradients of {@link #batchNormTraining}'s {@code y} (through the batch statistics too) for
   * the output gradient {@code dy}.
   *
   * @param mean the batch mean the forward pass returned
   * @param variance the batch variance the forward pass returned
   * @param gamma the scale, or null for 1
   * @return {@code {dx, dgamma, dbeta}}: dx of x's shape, dgamma and dbeta 1-D of size C
   */
  Tensor[] batchNormTrainingBackward(
      Tensor dy, Tensor x, Tensor mean, Tensor variance, int axis, Tensor gamma, float epsilon);
}

package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Activations, softmax and log-softmax, the cross-entropies (fused with softmax or sigmoid on the
 * logits path), and the kernels their gradients need.
 *
 * <p>Part of {@link Backend}; tensors in, new tensors out, unless a method says it writes in place.
 * Arguments are already validated by the caller; {@code axis} is in [0, rank). Results and
 * gradients are float32.
 *
 * <p>The cross-entropies are Keras 3's: probabilities are clipped to {@code [1e-7, 1 - 1e-7]}
 * (Keras's {@code backend.epsilon()}) and a clipped probability passes no gradient; from logits the
 * stable forms are used. Categorical and sparse categorical cross-entropy from logits are one pass
 * of softmax and loss, and their gradient is {@code softmax(z) * sum(t) - t} directly.
 */
public interface NnKernels {

  /** {@code op(x)} elementwise, of x's shape. */
  Tensor activation(ActivationOp op, Tensor x);

  /** The gradient of {@code y = activation(op, x)} given {@code dy}. */
  Tensor activationBackward(ActivationOp op, Tensor x, Tensor y, Tensor dy);

  /** x for x >= 0, {@code negativeSlope * x} below. */
  Tensor leakyRelu(Tensor x, float negativeSlope);

  /** The gradient of {@link #leakyRelu}: dy for x > 0, {@code negativeSlope * dy} otherwise. */
  Tensor leakyReluBackward(Tensor x, float negativeSlope, Tensor dy);

  /** x for x >= 0, {@code alpha * (e^x - 1)} below. */
  Tensor elu(Tensor x, float alpha);

  /** The gradient of {@link #elu}. */
  Tensor eluBackward(Tensor x, float alpha, Tensor dy);

  /** Softmax along {@code axis}, shifted by the maximum. */
  Tensor softmax(Tensor x, int axis);

  /**
   * The gradient of {@code y = softmax(x, axis)}: {@code y * (dy - sum(dy * y))} along the axis.
   */
  Tensor softmaxBackward(Tensor y, Tensor dy, int axis);

  /** Log-softmax along {@code axis}: {@code (x - max) - log(sum(exp(x - max)))}. */
  Tensor logSoftmax(Tensor x, int axis);

  /** The gradient of {@code y = logSoftmax(x, axis)}: {@code dy - exp(y) * sum(dy)}. */
  Tensor logSoftmaxBackward(Tensor y, Tensor dy, int axis);

  /**
   * Elementwise binary cross-entropy of target and output of one shape (not reduced). From logits
   * z: {@code max(z, 0) - z t + log1p(exp(-|z|))}.
   */
  Tensor binaryCrossentropy(Tensor target, Tensor output, boolean fromLogits);

  /**
   * The gradients of {@link #binaryCrossentropy} given {@code dy}: {@code {dTarget, dOutput}},
   * dTarget null unless {@code needTarget}.
   */
  Tensor[] binaryCrossentropyBackward(
      Tensor target, Tensor output, boolean fromLogits, Tensor dy, boolean needTarget);

  /**
   * {@code -sum(target * log(p))} over {@code axis}: from probabilities, p is the output divided by
   * its sum over the axis, then clipped; from logits, p is the softmax. The output's shape without
   * the axis.
   */
  Tensor categoricalCrossentropy(Tensor target, Tensor output, boolean fromLogits, int axis);

  /**
   * The gradients of {@link #categoricalCrossentropy} given {@code dy}: {@code {dTarget, dOutput}},
   * dTarget null unless {@code needTarget}.
   */
  Tensor[] categoricalCrossentropyBackward(
      Tensor target, Tensor output, boolean fromLogits, int axis, Tensor dy, boolean needTarget);

  /**
   * {@code -log(p[label])} along {@code axis}, with p as in {@link #categoricalCrossentropy}.
   * {@code labels} is int32 of the output's shape without the axis, each in {@code [0, n)}.
   */
  Tensor sparseCategoricalCrossentropy(Tensor labels, Tensor output, boolean fromLogits, int axis);

  /**
   * The gradient of {@link #sparseCategoricalCrossentropy} with respect to the output, given {@code
   * dy}; from logits {@code dy * (softmax(z) - onehot(label))}.
   */
  Tensor sparseCategoricalCrossentropyBackward(
      Tensor labels, Tensor output, boolean fromLogits, int axis, Tensor dy);

  /**
   * The support of sparsemax along {@code axis} (Martins and Astudillo, 2016): 1 for the values
   * that sparsemax keeps nonzero (the k largest of each line, ties included), 0 elsewhere.
   */
  Tensor sparsemaxSupport(Tensor x, int axis);
}

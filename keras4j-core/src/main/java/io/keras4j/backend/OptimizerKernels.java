package io.keras4j.backend;

import io.keras4j.Tensor;

/**
 * Optimizer updates, each one pass over a variable, its gradient and its slots, writing the
 * variable and the slots in place, plus the few in-place helpers an optimizer's step needs (weight
 * decay, gradient clipping, scalar state).
 *
 * <p>Part of {@link Backend}. Tensors written in place ({@code w} and the slots, {@code out},
 * {@code target}) must be library-owned: a variable's value or an optimizer's slot, never a user's
 * tensor. The gradient {@code g} is read only and has as many values as {@code w} (shapes may
 * differ). Hyperparameters are passed as Keras keeps them (doubles, rounded to float32 as Keras's
 * float32 arithmetic rounds them); per-step scalars (the learning rate, bias corrections) as
 * float32. The arithmetic is float32, in the order of each method's formula.
 */
public interface OptimizerKernels {

  /**
   * SGD: {@code w -= lr * g}; with momentum ({@code m} not null) {@code m = momentum * m - lr * g;
   * w += m}, and Nesterov {@code w += momentum * m - lr * g}.
   */
  void sgd(Tensor w, Tensor g, Tensor m, float lr, double momentum, boolean nesterov);

  /**
   * Adam: {@code m += (g - m)(1 - beta1); v += (g^2 - v)(1 - beta2); w -= m alpha / (sqrt(vMax) +
   * epsilon)}, where {@code alpha} is the bias-corrected rate and {@code vMax} the running maximum
   * of v kept in {@code vHat} (AMSGrad) or v itself when vHat is null.
   */
  void adam(
      Tensor w,
      Tensor g,
      Tensor m,
      Tensor v,
      Tensor vHat,
      float alpha,
      double beta1,
      double beta2,
      double epsilon);

  /**
   * RMSprop: {@code v = rho v + (1 - rho) g^2}; centered ({@code averageGradient} not null) {@code
   * a = rho a + (1 - rho) g} and the denominator {@code sqrt(v - a^2 + epsilon)}, else {@code
   * sqrt(v + epsilon)}; the increment {@code lr g / denominator} is subtracted, or accumulated as
   * {@code mom = momentum mom + increment; w -= mom} when {@code mom} is not null.
   */
  void rmsprop(
      Tensor w,
      Tensor g,
      Tensor velocity,
      Tensor mom,
      Tensor averageGradient,
      float lr,
      double rho,
      double momentum,
      double epsilon);

  /** Adagrad: {@code acc += g^2; w -= lr g / sqrt(acc + epsilon)}. */
  void adagrad(Tensor w, Tensor g, Tensor accumulator, float lr, double epsilon);

  /**
   * Adadelta: {@code ag = rho ag + (1 - rho) g^2; delta = -sqrt(ad + eps) g / sqrt(ag + eps); ad =
   * rho ad + (1 - rho) delta^2; w += lr delta}.
   */
  void adadelta(
      Tensor w,
      Tensor g,
      Tensor accumulatedGrad,
      Tensor accumulatedDelta,
      float lr,
      double rho,
      double epsilon);

  /**
   * Adamax: {@code m += (g - m)(1 - beta1); u = max(beta2 u, |g|); w -= lr m / (correction (u +
   * epsilon))} with {@code correction = 1 - beta1^t}.
   */
  void adamax(
      Tensor w,
      Tensor g,
      Tensor m,
      Tensor u,
      float lr,
      float correction,
      double beta1,
      double beta2,
      double epsilon);

  /** FTRL-proximal as Keras's {@code Ftrl}, with its four regularization arguments. */
  void ftrl(
      Tensor w,
      Tensor g,
      Tensor accumulator,
      Tensor linear,
      float lr,
      double learningRatePower,
      double l1,
      double l2,
      double l2Shrinkage,
      double beta);

  /** Lion: {@code w -= lr sign(beta1 m + (1 - beta1) g); m = beta2 m + (1 - beta2) g}. */
  void lion(Tensor w, Tensor g, Tensor m, float lr, double beta1, double beta2);

  /**
   * Nadam: {@code m += (g - m)(1 - beta1); v += (g^2 - v)(1 - beta2); w -= (cm m + cg g) lr /
   * (sqrt(v cv) + epsilon)} with the step's momentum, gradient and velocity scales cm, cg, cv.
   */
  void nadam(
      Tensor w,
      Tensor g,
      Tensor m,
      Tensor v,
      float lr,
      float momentumScale,
      float gradientScale,
      float velocityScale,
      double beta1,
      double beta2,
      double epsilon);

  // ---- the rest of a step ----------------------------------------------------------------

  /** Decoupled weight decay: {@code w -= w * decay * lr}. */
  void weightDecay(Tensor w, float decay, float lr);

  /** The sum of squares of g, accumulated in double (for the clipping norms). */
  double sumOfSquares(Tensor g);

  /** {@code out = g * s}; out has as many values as g. */
  void scale(Tensor g, float s, Tensor out);

  /** {@code out = min(max(g, lo), hi)}; out has as many values as g. */
  void clip(Tensor g, float lo, float hi, Tensor out);

  /** Sets every value of a library-owned tensor (a step counter, a learning rate). */
  void fill(Tensor target, double value);

  /**
   * The live float32 values of a library-owned tensor, for optimizers written on Java arrays
   * ({@code Optimizer.updateStep(int, float[], float[], float)}): writes change the tensor. Also
   * serves to read a gradient. A backend whose tensors are not Java arrays throws {@link
   * UnsupportedOperationException}; such optimizers then need the tensor form of {@code
   * updateStep}.
   */
  float[] hostFloats(Tensor t);
}

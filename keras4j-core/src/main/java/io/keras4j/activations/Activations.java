package io.keras4j.activations;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Map;
import java.util.Set;

/**
 * The activation functions of Keras 3 ({@code keras.activations}), as static methods on tensors,
 * plus lookup by Keras name ({@link #get}) and serialization back to it ({@link #serialize}). Every
 * function is built from {@link Ops}, so it records gradients on an open tape.
 */
public final class Activations {
  private Activations() {}

  // ---- lookup ----------------------------------------------------------------------------

  /**
   * The activation with a Keras name: {@code "relu"}, {@code "softmax"}, ... and Keras's aliases
   * {@code "swish"} (silu) and {@code "hard_swish"} (hard_silu); null means {@code "linear"}, as in
   * Keras. Parameterized ones use Keras's defaults. Unknown names throw, suggesting the closest.
   */
  public static ActivationFunction get(String name) {
    return ActivationRegistry.get(name);
  }

  /**
   * The Keras name to write in a config, e.g. {@code "relu"} (also for {@code get("swish")}: {@code
   * "silu"}).
   */
  public static String serialize(ActivationFunction activation) {
    return ActivationRegistry.serialize(activation);
  }

  /**
   * Reads an activation as Keras stores it: a name, or a dictionary {@code {"class_name":
   * "function", "config": "relu", ...}} that Keras 3 writes for registered functions.
   */
  public static ActivationFunction deserialize(Map<String, ?> config) {
    return ActivationRegistry.deserialize(config);
  }

  /** Registers a custom activation under a name so that models using it can be saved and loaded. */
  public static ActivationFunction register(String name, ActivationFunction fn) {
    return ActivationRegistry.register(name, fn);
  }

  /** Every name {@link #get} accepts, aliases included. */
  public static Set<String> names() {
    return ActivationRegistry.names();
  }

  // ---- the ReLU family -------------------------------------------------------------------

  /** max(x, 0). */
  public static Tensor relu(Tensor x) {
    return Ops.relu(x);
  }

  /**
   * Keras's general ReLU: {@code negativeSlope} below {@code threshold}, capped at {@code maxValue}
   * ({@code Double.POSITIVE_INFINITY} for no cap, Keras's {@code None}).
   */
  public static Tensor relu(Tensor x, double negativeSlope, double maxValue, double threshold) {
    return PiecewiseActivations.relu(x, negativeSlope, maxValue, threshold);
  }

  /** min(max(x, 0), 6). */
  public static Tensor relu6(Tensor x) {
    return Ops.relu6(x);
  }

  /** max(x, 0.2 x), Keras 3's default slope. */
  public static Tensor leakyRelu(Tensor x) {
    return Ops.leakyRelu(x);
  }

  public static Tensor leakyRelu(Tensor x, double negativeSlope) {
    return Ops.leakyRelu(x, (float) negativeSlope);
  }

  /** x for x >= 0, e^x - 1 below. */
  public static Tensor elu(Tensor x) {
    return Ops.elu(x);
  }

  public static Tensor elu(Tensor x, double alpha) {
    return Ops.elu(x, (float) alpha);
  }

  /** scale * elu(x, alpha) with Klambauer et al.'s constants. */
  public static Tensor selu(Tensor x) {
    return Ops.selu(x);
  }

  /** x for x >= 0, alpha (e^(x / alpha) - 1) below; alpha = 1. */
  public static Tensor celu(Tensor x) {
    return PiecewiseActivations.celu(x, 1.0);
  }

  public static Tensor celu(Tensor x, double alpha) {
    return PiecewiseActivations.celu(x, alpha);
  }

  /** relu6(x + 3) / 6 (Keras 3; Keras 2 used 0.2 x + 0.5). */
  public static Tensor hardSigmoid(Tensor x) {
    return Ops.hardSigmoid(x);
  }

  /** x * hard_sigmoid(x). */
  public static Tensor hardSilu(Tensor x) {
    return Ops.hardSilu(x);
  }

  /** Alias of {@link #hardSilu}. */
  public static Tensor hardSwish(Tensor x) {
    return Ops.hardSilu(x);
  }

  /** x clipped to [-1, 1]. */
  public static Tensor hardTanh(Tensor x) {
    return PiecewiseActivations.hardTanh(x);
  }

  /** x where |x| > 0.5, else 0. */
  public static Tensor hardShrink(Tensor x) {
    return PiecewiseActivations.hardShrink(x, 0.5);
  }

  public static Tensor hardShrink(Tensor x, double threshold) {
    return PiecewiseActivations.hardShrink(x, threshold);
  }

  /** x - 0.5 above 0.5, x + 0.5 below -0.5, else 0. */
  public static Tensor softShrink(Tensor x) {
    return PiecewiseActivations.softShrink(x, 0.5);
  }

  public static Tensor softShrink(Tensor x, double threshold) {
    return PiecewiseActivations.softShrink(x, threshold);
  }

  /** x where x > threshold, else defaultValue (Keras's has no defaults). */
  public static Tensor threshold(Tensor x, double threshold, double defaultValue) {
    return PiecewiseActivations.threshold(x, threshold, defaultValue);
  }

  /** 0 for x <= -1, (x + 1)^2 / 4 for -1 < x < 1, x above. */
  public static Tensor sparsePlus(Tensor x) {
    return PiecewiseActivations.sparsePlus(x);
  }

  /** (x + 1) / 2 clipped to [0, 1]. */
  public static Tensor sparseSigmoid(Tensor x) {
    return PiecewiseActivations.sparseSigmoid(x);
  }

  // ---- smooth functions ------------------------------------------------------------------

  /** x itself. */
  public static Tensor linear(Tensor x) {
    return x;
  }

  public static Tensor sigmoid(Tensor x) {
    return Ops.sigmoid(x);
  }

  public static Tensor tanh(Tensor x) {
    return Ops.tanh(x);
  }

  /** e^x. */
  public static Tensor exponential(Tensor x) {
    return Ops.exp(x);
  }

  /** log(1 + e^x). */
  public static Tensor softplus(Tensor x) {
    return Ops.softplus(x);
  }

  /** x / (1 + |x|). */
  public static Tensor softsign(Tensor x) {
    return Ops.softsign(x);
  }

  /** x * sigmoid(x). */
  public static Tensor silu(Tensor x) {
    return Ops.silu(x);
  }

  /** Alias of {@link #silu}. */
  public static Tensor swish(Tensor x) {
    return Ops.silu(x);
  }

  /** The exact GELU, x * Phi(x), Keras 3's default. */
  public static Tensor gelu(Tensor x) {
    return Ops.gelu(x, false);
  }

  /** GELU, exact or with the tanh approximation. */
  public static Tensor gelu(Tensor x, boolean approximate) {
    return Ops.gelu(x, approximate);
  }

  /** x * tanh(softplus(x)). */
  public static Tensor mish(Tensor x) {
    return SmoothActivations.mish(x);
  }

  /** log(sigmoid(x)). */
  public static Tensor logSigmoid(Tensor x) {
    return Ops.logSigmoid(x);
  }

  /** (x + sqrt(x^2 + 4)) / 2. */
  public static Tensor squareplus(Tensor x) {
    return SmoothActivations.squareplus(x, 4);
  }

  public static Tensor squareplus(Tensor x, double b) {
    return SmoothActivations.squareplus(x, b);
  }

  /** x - tanh(x). */
  public static Tensor tanhShrink(Tensor x) {
    return SmoothActivations.tanhShrink(x);
  }

  // ---- along an axis ---------------------------------------------------------------------

  /** Softmax over the last axis. */
  public static Tensor softmax(Tensor x) {
    return Ops.softmax(x, -1);
  }

  public static Tensor softmax(Tensor x, int axis) {
    return Ops.softmax(x, axis);
  }

  public static Tensor logSoftmax(Tensor x) {
    return Ops.logSoftmax(x, -1);
  }

  public static Tensor logSoftmax(Tensor x, int axis) {
    return Ops.logSoftmax(x, axis);
  }

  /** Gated linear unit over the last axis: a * sigmoid(b) for the two halves a, b of x. */
  public static Tensor glu(Tensor x) {
    return AxisActivations.glu(x, -1);
  }

  public static Tensor glu(Tensor x, int axis) {
    return AxisActivations.glu(x, axis);
  }

  /** Sparsemax over the last axis: a Euclidean projection onto the simplex. */
  public static Tensor sparsemax(Tensor x) {
    return AxisActivations.sparsemax(x, -1);
  }

  public static Tensor sparsemax(Tensor x, int axis) {
    return AxisActivations.sparsemax(x, axis);
  }
}

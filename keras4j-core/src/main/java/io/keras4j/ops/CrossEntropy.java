package io.keras4j.ops;

import io.keras4j.DType;
import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.CompareOp;
import io.keras4j.backend.MathKernels;
import io.keras4j.backend.NnKernels;
import io.keras4j.backend.UnaryOp;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * The cross-entropies of {@code keras.ops}, computed by the backend's {@link NnKernels} as Keras
 * 3's backends compute them. Probabilities are clipped to {@code [eps, 1 - eps]} ({@code eps =
 * 1e-7}, Keras's {@code backend.epsilon()}); from logits, the stable forms are used, fused with the
 * softmax.
 */
final class CrossEntropy {
  private CrossEntropy() {}

  static final float EPSILON = 1e-7f;

  private static NnKernels nn() {
    return Backend.current().nn();
  }

  private static MathKernels math() {
    return Backend.current().math();
  }

  /**
   * Elementwise binary cross-entropy (not reduced, as {@code keras.ops.binary_crossentropy}; the
   * loss of the same name takes the mean over the last axis). From logits z with target t: {@code
   * max(z, 0) - z t + log1p(exp(-|z|))}.
   */
  static Tensor binary(Tensor target, Tensor output, boolean fromLogits) {
    requireSameShape("binary_crossentropy", target, output);
    Tensor out = nn().binaryCrossentropy(target, output, fromLogits);
    GradientTape.record(
        out,
        new Tensor[] {target, output},
        g ->
            nn().binaryCrossentropyBackward(
                    target, output, fromLogits, g, GradientTape.needsGradient(0)));
    return out;
  }

  /**
   * Categorical cross-entropy {@code -sum(target * log(p))} over {@code axis}. From probabilities,
   * p is the output divided by its sum over the axis, then clipped; from logits, p is the softmax.
   */
  static Tensor categorical(Tensor target, Tensor output, boolean fromLogits, int axis) {
    requireSameShape("categorical_crossentropy", target, output);
    if (output.rank() < 1) {
      throw new IllegalArgumentException(
          "categorical_crossentropy: target and output must be at least rank 1. Received:"
              + " shape=()");
    }
    int ax = Shapes.axis(axis, output.rank());
    Tensor out = nn().categoricalCrossentropy(target, output, fromLogits, ax);
    GradientTape.record(
        out,
        new Tensor[] {target, output},
        g ->
            nn().categoricalCrossentropyBackward(
                    target, output, fromLogits, ax, g, GradientTape.needsGradient(0)));
    return out;
  }

  /**
   * Cross-entropy with integer class labels: {@code -log(p[label])}. The target has the output's
   * shape without the class axis (a trailing axis of size 1 is dropped, as Keras does).
   */
  static Tensor sparseCategorical(Tensor target, Tensor output, boolean fromLogits, int axis) {
    int[] so = ShapeRefs.of(output);
    if (so.length < 1) {
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy: output must be at least rank 1. Received: shape=()");
    }
    int ax = Shapes.axis(axis, so.length);
    int[] st = ShapeRefs.of(target);
    if (st.length == so.length && st[st.length - 1] == 1) {
      st = Arrays.copyOf(st, st.length - 1);
    }
    int[] expected = new int[so.length - 1];
    for (int d = 0, j = 0; d < so.length; d++) {
      if (d != ax) {
        expected[j++] = so[d];
      }
    }
    if (!Arrays.equals(st, expected)) {
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy: target must have the output's shape without the class"
              + " axis: expected "
              + Shapes.toString(expected)
              + ". Received: target.shape="
              + Shapes.toString(ShapeRefs.of(target))
              + ", output.shape="
              + Shapes.toString(so));
    }
    Tensor labels = checkedLabels(target, so[ax], st);
    Tensor out = nn().sparseCategoricalCrossentropy(labels, output, fromLogits, ax);
    GradientTape.record(
        out,
        new Tensor[] {target, output},
        g ->
            new Tensor[] {
              null, nn().sparseCategoricalCrossentropyBackward(labels, output, fromLogits, ax, g)
            });
    return out;
  }

  /**
   * The labels as int32 of shape {@code st}, after checking that each is an integer in [0, n); the
   * first one that is not is named with its position.
   */
  private static Tensor checkedLabels(Tensor target, int n, int[] st) {
    Tensor flat = target.reshapeView((int) target.size());
    if (target.dtype() == DType.FLOAT32) {
      Tensor fraction =
          math().compare(CompareOp.NOT_EQUAL, flat, math().unary(UnaryOp.ROUND, flat));
      int i = firstNonzero(fraction);
      if (i >= 0) {
        throw new IllegalArgumentException(
            "sparse_categorical_crossentropy: labels must be integers. Received: "
                + flat.getFloat(i)
                + " at position "
                + position(st, i));
      }
    }
    Tensor outside =
        math()
            .compare(
                CompareOp.LOGICAL_OR,
                math().compare(CompareOp.LESS, flat, Tensor.scalar(0f)),
                math().compare(CompareOp.GREATER_EQUAL, flat, Tensor.scalar(n)));
    int i = firstNonzero(outside);
    if (i >= 0) {
      int label = flat.getInt(i);
      throw new IllegalArgumentException(
          "sparse_categorical_crossentropy: label "
              + label
              + " is out of range: expected 0 <= label < "
              + n
              + " (the number of classes). Received: target"
              + position(st, i)
              + "="
              + label);
    }
    return math().cast(target, DType.INT32).reshapeView(st);
  }

  /** The first flat index where a 1-D 0/1 tensor is nonzero, or -1. */
  private static int firstNonzero(Tensor flags) {
    if (flags.size() == 0) {
      return -1;
    }
    int i = math().argmax(flags, 0).getInt();
    return flags.getFloat(i) != 0 ? i : -1;
  }

  /** The multi-index of flat position {@code flat} in a shape, e.g. {@code [1, 2]}. */
  private static String position(int[] shape, int flat) {
    int[] at = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = flat % shape[d];
      flat /= shape[d];
    }
    return Arrays.toString(at);
  }

  private static void requireSameShape(String op, Tensor target, Tensor output) {
    if (!Arrays.equals(ShapeRefs.of(target), ShapeRefs.of(output))) {
      throw new IllegalArgumentException(
          op
              + ": target and output must have the same shape. Received: target.shape="
              + Shapes.toString(ShapeRefs.of(target))
              + ", output.shape="
              + Shapes.toString(ShapeRefs.of(output)));
    }
  }
}

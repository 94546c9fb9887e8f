package io.keras4j.losses;

import io.keras4j.Tensor;

/** Checks of loss arguments, with messages naming the loss, the argument and the value. */
final class Arguments {
  /** Keras's {@code backend.epsilon()}. */
  static final float EPSILON = 1e-7f;

  /** {@code 1 - epsilon} computed in double, then float32, as Keras's clip bound (0.99999988). */
  static final float ONE_MINUS_EPSILON = (float) (1.0 - 1e-7);

  static final Tensor ZERO = Tensor.scalar(0f);
  static final Tensor ONE = Tensor.scalar(1f);

  private Arguments() {}

  static double unitInterval(String owner, String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(
          owner + ": " + name + " must be in [0, 1]. Received: " + name + "=" + v);
    }
    return v;
  }

  static double nonNegative(String owner, String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          owner + ": " + name + " must be a finite number >= 0. Received: " + name + "=" + v);
    }
    return v;
  }

  static double finite(String owner, String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          owner + ": " + name + " must be a finite number. Received: " + name + "=" + v);
    }
    return v;
  }

  /** The axis in [0, rank), or an error naming the loss, the axis and yPred's shape. */
  static int axis(String owner, int axis, Tensor yPred) {
    int rank = yPred.rank();
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          owner
              + ": axis "
              + axis
              + " is out of range for yPred of rank "
              + rank
              + ". Received: axis="
              + axis
              + ", yPred.shape="
              + LossReduction.shape(yPred));
    }
    return a;
  }

  /** Checks each axis of {@code axes} (null: all) against the rank of yPred. */
  static void axes(String owner, int[] axes, Tensor yPred) {
    if (axes != null) {
      for (int a : axes) {
        axis(owner, a, yPred);
      }
    }
  }
}

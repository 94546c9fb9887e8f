package io.keras4j.constraints;

import io.keras4j.Tensor;
import io.keras4j.ops.Ops;
import java.util.Arrays;

/** The L2 norms the norm constraints share, and how their {@code axis} argument is written. */
final class Norms {
  /** Keras's backend epsilon, added to norms before dividing by them. */
  static final double EPSILON = 1e-7;

  private Norms() {}

  /** sqrt(sum(w^2)) over the axes, keeping them (all axes when null). */
  static Tensor of(Tensor w, int[] axes) {
    return Ops.sqrt(Ops.sum(Ops.square(w), axes, true));
  }

  /** w * desired / (eps + norms). */
  static Tensor rescale(Tensor w, Tensor desired, Tensor norms) {
    return Ops.multiply(w, Ops.divide(desired, Ops.add(norms, Tensor.scalar((float) EPSILON))));
  }

  /** Keras's form of an axis argument: an int, a list of ints, or null. */
  static Object axisConfig(int[] axes) {
    if (axes == null) {
      return null;
    }
    return axes.length == 1 ? (Object) axes[0] : Arrays.stream(axes).boxed().toList();
  }

  static int[] copy(int[] axes) {
    return axes == null ? null : axes.clone();
  }
}

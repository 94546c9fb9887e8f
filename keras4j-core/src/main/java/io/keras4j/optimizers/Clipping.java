package io.keras4j.optimizers;

import io.keras4j.Tensor;
import io.keras4j.backend.OptimizerKernels;
import io.keras4j.internal.ShapeRefs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gradient clipping of an optimizer, as Keras's {@code _clip_gradients}: at most one of {@code
 * clipnorm} (per variable), {@code globalClipnorm} (all gradients together) and {@code clipvalue}
 * (per value). A clipped gradient is written into a scratch tensor of the gradient's shape, made
 * once per distinct shape and reused every step, so clipping allocates nothing per step.
 */
final class Clipping {
  private final String owner;
  Double clipnorm;
  Double clipvalue;
  Double globalClipnorm;
  private final List<Tensor> scratch = new ArrayList<>();

  Clipping(String owner) {
    this.owner = owner;
  }

  /** Sets one of the three limits; Keras refuses more than one. 0 means "set but inactive". */
  void set(String which, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          owner + ": " + which + " must be a finite number >= 0. Received: " + which + "=" + value);
    }
    Double norm = which.equals("clipnorm") ? (Double) value : clipnorm;
    Double val = which.equals("clipvalue") ? (Double) value : clipvalue;
    Double global = which.equals("globalClipnorm") ? (Double) value : globalClipnorm;
    int set = (norm != null ? 1 : 0) + (val != null ? 1 : 0) + (global != null ? 1 : 0);
    if (set > 1) {
      throw new IllegalArgumentException(
          owner
              + ": only one of clipnorm, clipvalue and globalClipnorm can be set. Received:"
              + " clipnorm="
              + norm
              + ", clipvalue="
              + val
              + ", globalClipnorm="
              + global);
    }
    clipnorm = norm;
    clipvalue = val;
    globalClipnorm = global;
  }

  private static boolean active(Double limit) {
    return limit != null && limit > 0;
  }

  /** The gradient's sum of squares when the global norm is needed, else 0. */
  double squaresForGlobalNorm(Tensor g) {
    if (active(clipnorm) || !active(globalClipnorm)) {
      return 0;
    }
    return Optimizer.kernels().sumOfSquares(g);
  }

  /** {@code c * min(1 / norm, 1 / c)}, NaN when the norm is not finite (as Keras). */
  float globalScale(double squares) {
    if (active(clipnorm) || !active(globalClipnorm)) {
      return 1f;
    }
    double c = globalClipnorm;
    double norm = Math.sqrt(squares);
    return (float) (c * Math.min(1.0 / norm, 1.0 / c) + (norm - norm));
  }

  /** The gradient to use: {@code g} itself when no clipping changes it, else a scratch tensor. */
  Tensor clip(Tensor g, float globalScale) {
    OptimizerKernels k = Optimizer.kernels();
    if (active(clipnorm)) {
      double c = clipnorm;
      double norm = Math.sqrt(k.sumOfSquares(g));
      if (norm <= c) {
        return g;
      }
      Tensor out = scratch(g);
      k.scale(g, (float) (c / norm), out);
      return out;
    }
    if (active(globalClipnorm)) {
      if (globalScale == 1f) {
        return g;
      }
      Tensor out = scratch(g);
      k.scale(g, globalScale, out);
      return out;
    }
    if (active(clipvalue)) {
      float hi = (float) (double) clipvalue;
      Tensor out = scratch(g);
      k.clip(g, -hi, hi, out);
      return out;
    }
    return g;
  }

  /** The scratch tensor of g's shape (one per distinct shape, found without allocating). */
  private Tensor scratch(Tensor g) {
    for (int i = 0; i < scratch.size(); i++) {
      Tensor t = scratch.get(i);
      if (Arrays.equals(ShapeRefs.of(t), ShapeRefs.of(g))) {
        return t;
      }
    }
    Tensor t = Tensor.zeros(g.shape());
    scratch.add(t);
    return t;
  }
}

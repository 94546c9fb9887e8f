package io.keras4j.optimizers;

/**
 * The gradient clipping of an optimizer, as Keras's {@code _clip_gradients}: at most one of {@code
 * clipnorm} (per variable), {@code globalClipnorm} (all gradients together) and {@code clipvalue}
 * (per value). A clipped gradient is written into one scratch buffer, reused for every variable, so
 * clipping allocates nothing per step; the buffer may be longer than the variable.
 */
final class Clipping {
  private final String owner;
  Double clipnorm;
  Double clipvalue;
  Double globalClipnorm;
  private int largest;
  private float[] scratch;

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

  /** The size of the largest variable, for the scratch buffer. */
  void reserve(int size) {
    largest = size;
  }

  private static boolean active(Double limit) {
    return limit != null && limit > 0;
  }

  /** The gradient's sum of squares when the global norm is needed, else 0. */
  double squaresForGlobalNorm(float[] g) {
    if (active(clipnorm) || !active(globalClipnorm)) {
      return 0;
    }
    return sumOfSquares(g);
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

  /** The gradient to use: {@code g} itself when no clipping changes it, else the scratch buffer. */
  float[] clip(float[] g, float globalScale) {
    if (active(clipnorm)) {
      double c = clipnorm;
      double norm = Math.sqrt(sumOfSquares(g));
      return norm <= c ? g : scale(g, (float) (c / norm));
    }
    if (active(globalClipnorm)) {
      return globalScale == 1f ? g : scale(g, globalScale);
    }
    if (active(clipvalue)) {
      float hi = (float) (double) clipvalue;
      float lo = -hi;
      float[] out = scratch(g.length);
      for (int j = 0; j < g.length; j++) {
        out[j] = Math.max(lo, Math.min(hi, g[j]));
      }
      return out;
    }
    return g;
  }

  private float[] scale(float[] g, float s) {
    float[] out = scratch(g.length);
    for (int j = 0; j < g.length; j++) {
      out[j] = g[j] * s;
    }
    return out;
  }

  private float[] scratch(int length) {
    if (scratch == null || scratch.length < length) {
      scratch = new float[Math.max(length, largest)];
    }
    return scratch;
  }

  private static double sumOfSquares(float[] g) {
    double s = 0;
    for (float x : g) {
      s += (double) x * x;
    }
    return s;
  }
}

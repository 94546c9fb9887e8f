package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.NormKernels;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.List;

/**
 * Keras's normalization ops ({@code keras.ops.moments}, {@code batch_normalization}, {@code
 * rms_normalization}), written with other ops so that the tape differentiates them without a
 * gradient of their own. The normalization layers call these.
 */
final class NormalizationOps {
  private NormalizationOps() {}

  /**
   * The mean and the (biased, divided by the count) variance of {@code x} over {@code axes}, as
   * Keras's {@code ops.moments}. The variance is the mean of the squared deviations from the mean
   * (two passes), which float32 keeps accurate when the mean is large against the spread.
   */
  static List<Tensor> moments(Tensor x, int[] axes, boolean keepdims) {
    checkFloat("moments", x);
    int[] ax = Reductions.axes(x.rank(), axes);
    Tensor mean = Reductions.mean(x, ax, true);
    Tensor variance = Reductions.mean(UnaryOps.square(BinaryOps.subtract(x, mean)), ax, true);
    if (!keepdims) {
      mean = ShapeOps.squeeze(mean, ax);
      variance = ShapeOps.squeeze(variance, ax);
    }
    return List.of(mean, variance);
  }

  /**
   * {@code (x - mean) * rsqrt(variance + epsilon) * scale + offset} with the statistics and
   * parameters, 1-D of the size of {@code axis}, broadcast along that axis of {@code x}, as Keras's
   * {@code ops.batch_normalization}; {@code offset} and {@code scale} may be null. Computed as
   * Keras does: {@code inv = rsqrt(variance + epsilon) * scale}, then {@code x * inv + (offset -
   * mean * inv)}, so the work over the whole of {@code x} is one product and one sum.
   */
  static Tensor batchNormalization(
      Tensor x,
      Tensor mean,
      Tensor variance,
      int axis,
      Tensor offset,
      Tensor scale,
      float epsilon) {
    checkFloat("batch_normalization", x);
    int ax = Shapes.axis(axis, x.rank());
    int[] broadcast = new int[x.rank()];
    Arrays.fill(broadcast, 1);
    broadcast[ax] = x.dim(ax);
    Tensor m = alongAxis("mean", mean, ax, broadcast);
    Tensor v = alongAxis("variance", variance, ax, broadcast);
    Tensor inv = UnaryOps.rsqrt(BinaryOps.add(v, Tensor.scalar(epsilon)));
    if (scale != null) {
      inv = BinaryOps.multiply(inv, alongAxis("scale", scale, ax, broadcast));
    }
    Tensor res = UnaryOps.negative(BinaryOps.multiply(m, inv));
    if (offset != null) {
      res = BinaryOps.add(res, alongAxis("offset", offset, ax, broadcast));
    }
    return BinaryOps.add(BinaryOps.multiply(x, inv), res);
  }

  /**
   * Batch normalization in training, fused: the batch's mean and variance over every axis but
   * {@code axis}, then {@code (x - mean) * rsqrt(variance + epsilon) * scale + offset}, as {@link
   * #moments} followed by {@link #batchNormalization} computes it, in three passes of the backend's
   * {@link NormKernels} (and two for the gradient) instead of the ops' twenty or so. Returns {@code
   * [y, mean, variance]}; the gradient flows through {@code y} to {@code x}, {@code scale} and
   * {@code offset} (through the statistics too); mean and variance are values for the moving
   * averages, with no gradient.
   */
  static List<Tensor> batchNormalizationTraining(
      Tensor x, Tensor offset, Tensor scale, int axis, float epsilon) {
    checkFloat("batch_normalization", x);
    int ax = Shapes.axis(axis, x.rank());
    int[] broadcast = new int[x.rank()];
    Arrays.fill(broadcast, 1);
    broadcast[ax] = x.dim(ax);
    if (scale != null) {
      checkParameter("scale", scale, ax, broadcast);
    }
    if (offset != null) {
      checkParameter("offset", offset, ax, broadcast);
    }
    NormKernels kernels = Backend.current().normalization();
    Tensor[] out = kernels.batchNormTraining(x, ax, scale, offset, epsilon);
    Tensor mean = out[1];
    Tensor variance = out[2];
    GradientTape.record(
        out[0],
        new Tensor[] {x, scale, offset},
        g -> {
          Tensor[] d = kernels.batchNormTrainingBackward(g, x, mean, variance, ax, scale, epsilon);
          return new Tensor[] {d[0], scale == null ? null : d[1], offset == null ? null : d[2]};
        });
    return List.of(out[0], mean, variance);
  }

  /** The fused op takes 1-D parameters only (their gradients are 1-D). */
  private static void checkParameter(String what, Tensor t, int ax, int[] broadcast) {
    if (t.rank() != 1 || t.dim(0) != broadcast[ax]) {
      throw new IllegalArgumentException(
          "batch_normalization: `"
              + what
              + "` must be 1-D with one value per index of the normalized axis (size "
              + broadcast[ax]
              + "). Received: "
              + what
              + ".shape="
              + Shapes.toString(ShapeRefs.of(t)));
    }
  }

  /**
   * {@code x * rsqrt(mean(square(x), axes) + epsilon) * scale}, as Keras's {@code
   * ops.rms_normalization}; {@code scale} (null for none) broadcasts against {@code x}.
   */
  static Tensor rmsNormalization(Tensor x, Tensor scale, int[] axes, float epsilon) {
    checkFloat("rms_normalization", x);
    int[] ax = Reductions.axes(x.rank(), axes);
    Tensor meanSquare = Reductions.mean(UnaryOps.square(x), ax, true);
    Tensor rrms = UnaryOps.rsqrt(BinaryOps.add(meanSquare, Tensor.scalar(epsilon)));
    Tensor out = BinaryOps.multiply(x, rrms);
    return scale == null ? out : BinaryOps.multiply(out, scale);
  }

  /** A 1-D statistic of {@code size} values reshaped to broadcast along the normalized axis. */
  private static Tensor alongAxis(String what, Tensor t, int ax, int[] broadcast) {
    int[] s = ShapeRefs.of(t);
    int size = broadcast[ax];
    if (t.size() != size || (s.length != 1 && !Arrays.equals(s, broadcast))) {
      throw new IllegalArgumentException(
          "batch_normalization: `"
              + what
              + "` must hold one value per index of the normalized axis (size "
              + size
              + "). Received: "
              + what
              + ".shape="
              + Shapes.toString(s));
    }
    // A 1-D value on the last axis broadcasts as it is; elsewhere it needs the full rank.
    boolean asIs = Arrays.equals(s, broadcast) || ax == broadcast.length - 1;
    return asIs ? t : ShapeOps.reshape(t, broadcast);
  }

  private static void checkFloat(String op, Tensor x) {
    if (!x.dtype().isFloating()) {
      throw new IllegalArgumentException(
          op + " needs a float32 input. Received: x.dtype=" + x.dtype().kerasName());
    }
  }
}

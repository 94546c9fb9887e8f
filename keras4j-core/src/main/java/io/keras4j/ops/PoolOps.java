package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.PoolKernels;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code keras.ops.max_pool} and {@code keras.ops.average_pool} over 1 to 3 spatial axes, with
 * their gradients. {@code "same"} padding follows TensorFlow (and Keras): {@code out = ceil(in /
 * stride)}, the total padding {@code max((out - 1) * stride + pool - in, 0)} split with the larger
 * half after; padding never counts in a max or a mean. {@code channels_first} data is transposed to
 * channels_last around the kernel, as Keras's TensorFlow backend does on the CPU.
 */
final class PoolOps {
  private PoolOps() {}

  private static PoolKernels kernels() {
    return Backend.current().pooling();
  }

  static Tensor maxPool(
      Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat) {
    return pool("max_pool", true, x, poolSize, strides, padding, dataFormat);
  }

  static Tensor averagePool(
      Tensor x, int[] poolSize, int[] strides, String padding, String dataFormat) {
    return pool("average_pool", false, x, poolSize, strides, padding, dataFormat);
  }

  private static Tensor pool(
      String op,
      boolean max,
      Tensor x,
      int[] poolSize,
      int[] strides,
      String padding,
      String dataFormat) {
    int[] shape = ShapeRefs.of(x);
    int rank = shape.length;
    if (rank < 3 || rank > 5) {
      throw new IllegalArgumentException(
          op
              + ": expected an input of rank 3, 4 or 5 (batch, 1 to 3 spatial axes, channels)."
              + " Received: input shape "
              + Shapes.toString(shape));
    }
    int k = rank - 2;
    int[] pool = spatialTuple(op, "pool_size", poolSize, k);
    int[] stride = strides == null ? pool : spatialTuple(op, "strides", strides, k);
    String pad = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
    if (!pad.equals("valid") && !pad.equals("same")) {
      throw new IllegalArgumentException(
          op + ": padding must be 'valid' or 'same'. Received: padding=" + padding);
    }
    boolean channelsFirst = channelsFirst(op, dataFormat);
    Tensor in = channelsFirst ? ShapeOps.transpose(x, toChannelsLast(rank)) : x;
    int[] s = ShapeRefs.of(in);
    int[] out = new int[k];
    int[] before = new int[k];
    for (int i = 0; i < k; i++) {
      int n = s[i + 1];
      if (pad.equals("valid")) {
        if (n < pool[i]) {
          throw new IllegalArgumentException(
              op
                  + ": the pool is larger than the input on spatial axis "
                  + i
                  + " with padding 'valid' (the output would be empty). Received: pool_size="
                  + Arrays.toString(pool)
                  + ", input shape "
                  + Shapes.toString(shape)
                  + ", data_format="
                  + (channelsFirst ? "channels_first" : "channels_last"));
        }
        out[i] = (n - pool[i]) / stride[i] + 1;
      } else {
        out[i] = (n + stride[i] - 1) / stride[i];
        before[i] = Math.max((out[i] - 1) * stride[i] + pool[i] - n, 0) / 2;
      }
    }
    Tensor y =
        max
            ? kernels().maxPool(in, pool, stride, before, out)
            : kernels().averagePool(in, pool, stride, before, out);
    int[] inShape = s.clone();
    GradientTape.record(
        y,
        new Tensor[] {in},
        g ->
            new Tensor[] {
              max
                  ? kernels().maxPoolBackward(in, y, g, pool, stride, before)
                  : kernels().averagePoolBackward(inShape, g, pool, stride, before)
            });
    return channelsFirst ? ShapeOps.transpose(y, toChannelsFirst(rank)) : y;
  }

  /** A window or stride tuple: one value for every spatial axis, or one entry per axis. */
  private static int[] spatialTuple(String op, String name, int[] values, int k) {
    if (values == null || (values.length != 1 && values.length != k)) {
      throw new IllegalArgumentException(
          op
              + ": "
              + name
              + " must have 1 or "
              + k
              + " entries (one per spatial axis). Received: "
              + name
              + "="
              + Arrays.toString(values));
    }
    int[] t = new int[k];
    for (int i = 0; i < k; i++) {
      t[i] = values[values.length == 1 ? 0 : i];
      if (t[i] <= 0) {
        throw new IllegalArgumentException(
            op
                + ": "
                + name
                + " must be positive integers. Received: "
                + name
                + "="
                + Arrays.toString(values));
      }
    }
    return t;
  }

  private static boolean channelsFirst(String op, String dataFormat) {
    if (dataFormat == null) {
      return false;
    }
    String f = dataFormat.toLowerCase(Locale.ROOT);
    if (f.equals("channels_first")) {
      return true;
    }
    if (f.equals("channels_last")) {
      return false;
    }
    throw new IllegalArgumentException(
        op
            + ": data_format must be 'channels_first' or 'channels_last'. Received: data_format="
            + dataFormat);
  }

  /** The permutation (b, c, s...) to (b, s..., c). */
  private static int[] toChannelsLast(int rank) {
    int[] p = new int[rank];
    for (int i = 1; i < rank - 1; i++) {
      p[i] = i + 1;
    }
    p[rank - 1] = 1;
    return p;
  }

  /** The permutation (b, s..., c) to (b, c, s...). */
  private static int[] toChannelsFirst(int rank) {
    int[] p = new int[rank];
    p[1] = rank - 1;
    for (int i = 2; i < rank; i++) {
      p[i] = i - 1;
    }
    return p;
  }
}

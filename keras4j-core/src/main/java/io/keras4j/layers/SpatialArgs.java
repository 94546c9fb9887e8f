package io.keras4j.layers;

import io.keras4j.Shapes;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The arguments shared by the pooling, padding, cropping, upsampling and spatial dropout layers,
 * checked as Keras's {@code standardize_tuple} and {@code standardize_data_format} do, with errors
 * that name the layer class, the argument and the received value.
 */
final class SpatialArgs {
  static final String CHANNELS_LAST = "channels_last";
  static final String CHANNELS_FIRST = "channels_first";

  private SpatialArgs() {}

  /** {@code "channels_last"} (also for null, Keras's default) or {@code "channels_first"}. */
  static String dataFormat(String layer, String value) {
    if (value == null) {
      return CHANNELS_LAST;
    }
    String f = value.toLowerCase(Locale.ROOT);
    if (!f.equals(CHANNELS_FIRST) && !f.equals(CHANNELS_LAST)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `data_format` of layer "
              + layer
              + ": expected 'channels_first' or 'channels_last'. Received: data_format="
              + value);
    }
    return f;
  }

  /** {@code "valid"} or {@code "same"}, case-insensitive as Keras. */
  static String padding(String layer, String value) {
    String p = value == null ? null : value.toLowerCase(Locale.ROOT);
    if (p == null || (!p.equals("valid") && !p.equals("same"))) {
      throw new IllegalArgumentException(
          "Invalid value for argument `padding` of layer "
              + layer
              + ": expected 'valid' or 'same'. Received: padding="
              + value);
    }
    return p;
  }

  /**
   * {@code n} integers from one value (repeated) or {@code n} values, each positive (or, with
   * {@code allowZero}, non-negative).
   */
  static int[] tuple(String layer, String argument, int[] values, int n, boolean allowZero) {
    if (values == null || (values.length != 1 && values.length != n)) {
      throw new IllegalArgumentException(
          "Invalid value for argument `"
              + argument
              + "` of layer "
              + layer
              + ": expected an integer or a tuple of "
              + n
              + " integers. Received: "
              + argument
              + "="
              + (values == null ? "null" : Arrays.toString(values)));
    }
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      t[i] = values[values.length == 1 ? 0 : i];
      if (t[i] < 0 || (t[i] == 0 && !allowZero)) {
        throw new IllegalArgumentException(
            "Invalid value for argument `"
                + argument
                + "` of layer "
                + layer
                + ": expected "
                + (allowZero ? "non-negative" : "positive")
                + " integers. Received: "
                + argument
                + "="
                + Arrays.toString(values));
      }
    }
    return t;
  }

  /** {@code n} (before, after) pairs, each non-negative: a padding or a cropping. */
  static int[][] pairs(String layer, String argument, int[][] pairs, int n) {
    boolean ok = pairs != null && pairs.length == n;
    for (int i = 0; ok && i < n; i++) {
      ok = pairs[i] != null && pairs[i].length == 2 && pairs[i][0] >= 0 && pairs[i][1] >= 0;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Invalid value for argument `"
              + argument
              + "` of layer "
              + layer
              + ": expected "
              + n
              + " pairs (before, after) of non-negative integers. Received: "
              + argument
              + "="
              + Arrays.deepToString(pairs));
    }
    int[][] copy = new int[n][];
    for (int i = 0; i < n; i++) {
      copy[i] = pairs[i].clone();
    }
    return copy;
  }

  /** The same amount before and after on each axis: {@code (v, v)} per value. */
  static int[][] symmetric(int... values) {
    int[][] p = new int[values.length][];
    for (int i = 0; i < values.length; i++) {
      p[i] = new int[] {values[i], values[i]};
    }
    return p;
  }

  /**
   * Pairs from a config: an int (every side), a list of {@code n} ints (symmetric per axis; for
   * {@code n == 1} a list of 2 is the pair), or a list of {@code n} pairs.
   */
  static int[][] readPairs(String layer, Config c, String key, int n, int[][] dflt) {
    if (!c.has(key)) {
      return dflt;
    }
    Object v = c.get(key);
    if (v instanceof Number) {
      int[] one = c.getIntArray(key);
      int[] all = new int[n];
      Arrays.fill(all, one[0]);
      return pairs(layer, key, symmetric(all), n);
    }
    if (v instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof List<?>)) {
      int[] flat = c.getIntArray(key);
      if (n == 1 && flat.length == 2) {
        return pairs(layer, key, new int[][] {flat}, 1);
      }
      return pairs(layer, key, symmetric(tuple(layer, key, flat, n, true)), n);
    }
    if (v instanceof List<?> l) {
      int[][] p = new int[l.size()][];
      for (int i = 0; i < p.length; i++) {
        if (!(l.get(i) instanceof List<?> inner)) {
          throw new IllegalArgumentException(
              "Invalid config for "
                  + layer
                  + ": expected pairs for '"
                  + key
                  + "'. Received: "
                  + key
                  + "="
                  + v);
        }
        p[i] = new int[inner.size()];
        for (int j = 0; j < p[i].length; j++) {
          if (!(inner.get(j) instanceof Number num)) {
            throw new IllegalArgumentException(
                "Invalid config for "
                    + layer
                    + ": expected integers in '"
                    + key
                    + "'. Received: "
                    + key
                    + "="
                    + v);
          }
          p[i][j] = num.intValue();
        }
      }
      return pairs(layer, key, p, n);
    }
    throw new IllegalArgumentException(
        "Invalid config for "
            + layer
            + ": expected an int or pairs for '"
            + key
            + "'. Received: "
            + key
            + "="
            + v);
  }

  /** Pairs as Keras writes them: a list of lists. */
  static List<Object> writePairs(int[][] pairs) {
    List<Object> l = new ArrayList<>();
    for (int[] p : pairs) {
      l.add(Config.list(p));
    }
    return l;
  }

  static boolean channelsFirst(String dataFormat) {
    return dataFormat.equals(CHANNELS_FIRST);
  }

  /** The spatial axes of a rank-{@code rank} input (batch and channel axes excluded). */
  static int[] spatialAxes(int rank, String dataFormat) {
    int[] axes = new int[rank - 2];
    int first = channelsFirst(dataFormat) ? 2 : 1;
    for (int i = 0; i < axes.length; i++) {
      axes[i] = first + i;
    }
    return axes;
  }

  /**
   * The (before, after) pairs of every axis of a rank-{@code rank} input from the spatial ones: 0
   * on the batch and channel axes.
   */
  static int[][] allAxes(int[][] spatial, int rank, String dataFormat) {
    int[][] all = new int[rank][];
    for (int i = 0; i < rank; i++) {
      all[i] = new int[2];
    }
    int[] axes = spatialAxes(rank, dataFormat);
    for (int i = 0; i < axes.length; i++) {
      all[axes[i]] = spatial[i].clone();
    }
    return all;
  }

  /** Each spatial size grown ({@code sign} 1) or shrunk (-1) by its pair; -1 stays unknown. */
  static int[] resized(int[] inputShape, int[][] spatial, String dataFormat, int sign) {
    int[] out = inputShape.clone();
    int[] axes = spatialAxes(inputShape.length, dataFormat);
    for (int i = 0; i < axes.length; i++) {
      if (out[axes[i]] >= 0) {
        out[axes[i]] += sign * (spatial[i][0] + spatial[i][1]);
      }
    }
    return out;
  }

  /** Each spatial size times its factor; -1 stays unknown. */
  static int[] scaled(int[] inputShape, int[] factors, String dataFormat) {
    int[] out = inputShape.clone();
    int[] axes = spatialAxes(inputShape.length, dataFormat);
    for (int i = 0; i < axes.length; i++) {
      if (out[axes[i]] >= 0) {
        out[axes[i]] *= factors[i];
      }
    }
    return out;
  }

  /**
   * Checks the rank in {@code onBuild}, before the layer counts as built, so that a bad input
   * leaves the layer as it was (the same message as the layer's input spec gives).
   */
  static void checkRank(Layer layer, int ndim, int[] inputShape) {
    InputSpec.ndim(ndim).check(layer, 0, inputShape);
  }

  /** The shape as text, for messages. */
  static String shape(int[] shape) {
    return Shapes.toString(shape);
  }
}

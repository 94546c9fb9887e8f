package io.keras4j.ops;

import io.keras4j.Shapes;
import java.util.Arrays;
import java.util.Locale;

/**
 * The arguments of the convolution ops, normalized as Keras does ({@code standardize_tuple}, {@code
 * standardize_padding}, {@code standardize_data_format}), and Keras's padding arithmetic: {@code
 * same} pads {@code max((ceil(in / s) - 1) * s + k_eff - in, 0)} in total, the odd one after (at
 * the bottom/right); {@code causal} pads {@code k_eff - 1} before; {@code valid} nothing.
 */
final class ConvArgs {
  private ConvArgs() {}

  /** One value per spatial axis: a single value repeats, as Keras's {@code standardize_tuple}. */
  static int[] tuple(String op, String name, int[] v, int rank, boolean allowZero) {
    if (v == null || (v.length != 1 && v.length != rank)) {
      throw new IllegalArgumentException(
          op
              + ": `"
              + name
              + "` must be one integer or "
              + rank
              + " integers. Received: "
              + name
              + "="
              + (v == null ? "null" : Arrays.toString(v)));
    }
    int[] out = v.length == rank ? v.clone() : filled(rank, v[0]);
    for (int x : out) {
      if (x < 0 || (x == 0 && !allowZero)) {
        throw new IllegalArgumentException(
            op
                + ": `"
                + name
                + "` must hold "
                + (allowZero ? "non-negative" : "positive")
                + " integers. Received: "
                + name
                + "="
                + Arrays.toString(v));
      }
    }
    return out;
  }

  static int[] filled(int n, int v) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  /** {@code "valid"}, {@code "same"} or (when allowed) {@code "causal"}, case-insensitive. */
  static String padding(String op, String padding, boolean allowCausal) {
    String p = padding == null ? "" : padding.toLowerCase(Locale.ROOT);
    if (p.equals("valid") || p.equals("same") || (allowCausal && p.equals("causal"))) {
      return p;
    }
    throw new IllegalArgumentException(
        op
            + ": `padding` must be "
            + (allowCausal ? "'valid', 'same' or 'causal'" : "'valid' or 'same'")
            + ". Received: padding="
            + padding);
  }

  /** {@code "channels_last"} (also for null) or {@code "channels_first"}. */
  static boolean channelsFirst(String op, String dataFormat) {
    if (dataFormat == null) {
      return false;
    }
    String f = dataFormat.toLowerCase(Locale.ROOT);
    if (f.equals("channels_last")) {
      return false;
    }
    if (f.equals("channels_first")) {
      return true;
    }
    throw new IllegalArgumentException(
        op
            + ": `data_format` must be 'channels_last' or 'channels_first'. Received: data_format="
            + dataFormat);
  }

  /** The pads before and after each spatial axis: {@code {before[], after[]}}. */
  static int[][] pads(
      String op, int[] spatial, int[] kernel, int[] strides, String padding, int[] dilation) {
    int r = spatial.length;
    int[] before = new int[r];
    int[] after = new int[r];
    for (int i = 0; i < r; i++) {
      int eff = (kernel[i] - 1) * dilation[i] + 1;
      switch (padding) {
        case "same" -> {
          int out = (spatial[i] + strides[i] - 1) / strides[i];
          int total = Math.max((out - 1) * strides[i] + eff - spatial[i], 0);
          before[i] = total / 2;
          after[i] = total - before[i];
        }
        case "causal" -> before[i] = eff - 1;
        default -> {}
      }
      if (spatial[i] + before[i] + after[i] < eff) {
        throw new IllegalArgumentException(
            op
                + ": the kernel (size "
                + Shapes.toString(kernel)
                + ", dilation_rate "
                + Shapes.toString(dilation)
                + ") is larger than the padded input on spatial axis "
                + i
                + " ("
                + spatial[i]
                + " + padding "
                + (before[i] + after[i])
                + " < "
                + eff
                + "). Received: input spatial shape="
                + Shapes.toString(spatial)
                + ", padding="
                + padding);
      }
    }
    return new int[][] {before, after};
  }

  /**
   * The pads of a transposed convolution (Keras's conversion to an input-dilated convolution, as
   * its jax backend), returned as the pads of the convolution whose input gradient it is: {@code
   * {before[], after[], outSpatial[]}}; {@code after} may be negative.
   */
  static int[][] transposePads(
      String op,
      int[] spatial,
      int[] kernel,
      int[] strides,
      String padding,
      int[] outputPadding,
      int[] dilation) {
    int r = spatial.length;
    int[] before = new int[r];
    int[] after = new int[r];
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      int eff = (kernel[i] - 1) * dilation[i] + 1;
      int s = strides[i];
      int left;
      int right;
      if (padding.equals("valid")) {
        int op0 = outputPadding == null ? Math.max(eff, s) - eff : outputPadding[i];
        left = eff - 1;
        right = eff - 1 + op0;
      } else {
        int padLen = outputPadding == null ? s + eff - 2 : eff + eff % 2 - 2 + outputPadding[i];
        left = Math.min(padLen / 2 + padLen % 2, eff - 1);
        right = padLen - left;
      }
      out[i] = (spatial[i] - 1) * s + 1 + left + right - eff + 1;
      before[i] = eff - 1 - left;
      after[i] = eff - 1 - right;
      if (out[i] <= 0) {
        throw new IllegalArgumentException(
            op
                + ": the output would have no positions on spatial axis "
                + i
                + ". Received: input spatial shape="
                + Shapes.toString(spatial)
                + ", kernel size="
                + Shapes.toString(kernel)
                + ", strides="
                + Shapes.toString(strides)
                + ", padding="
                + padding
                + ", output_padding="
                + (outputPadding == null ? "None" : Shapes.toString(outputPadding)));
      }
    }
    return new int[][] {before, after, out};
  }
}

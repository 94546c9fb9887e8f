package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import java.util.Arrays;

/**
 * Reference convolutions for the op tests, in double precision, written from the definitions rather
 * than from the kernels: Keras's padding rules (TF's {@code SAME}: {@code ceil(in / s)} outputs,
 * the odd pad after), and the transposed convolution as Keras's jax backend defines it (the input
 * dilated by the strides, padded, and correlated with the spatially flipped kernel whose two
 * channel axes are swapped).
 */
final class ConvRef {
  private ConvRef() {}

  /** Keras's conv: channels_last x, kernel (k..., in / groups, out), groups = in / kernel[-2]. */
  static Tensor conv(Tensor x, Tensor w, int[] s, String padding, int[] d) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    int r = xs.length - 2;
    int[] pb = new int[r];
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      int eff = (ws[i] - 1) * d[i] + 1;
      int in = xs[1 + i];
      switch (padding) {
        case "same" -> {
          out[i] = (in + s[i] - 1) / s[i];
          int total = Math.max((out[i] - 1) * s[i] + eff - in, 0);
          pb[i] = total / 2;
        }
        case "causal" -> {
          pb[i] = eff - 1;
          out[i] = (in - 1) / s[i] + 1;
        }
        default -> out[i] = (in - eff) / s[i] + 1;
      }
    }
    int cin = xs[r + 1];
    int cout = ws[r + 1];
    int groups = cin / ws[r];
    int cinG = ws[r];
    int coutG = cout / groups;
    int[] os = new int[r + 2];
    os[0] = xs[0];
    System.arraycopy(out, 0, os, 1, r);
    os[r + 1] = cout;
    float[] xv = x.toFloatArray();
    float[] wv = w.toFloatArray();
    double[] y = new double[(int) Shapes.size(os)];
    int[] taps = Arrays.copyOf(ws, r);
    for (int f = 0; f < y.length; f++) {
      int[] o = unflatten(f, os);
      int g = o[r + 1] / coutG;
      double sum = 0;
      for (int t = 0; t < Shapes.size(taps); t++) {
        int[] tap = unflatten(t, taps);
        int[] xAt = new int[r + 2];
        xAt[0] = o[0];
        boolean inside = true;
        for (int i = 0; i < r; i++) {
          xAt[1 + i] = o[1 + i] * s[i] - pb[i] + tap[i] * d[i];
          inside &= xAt[1 + i] >= 0 && xAt[1 + i] < xs[1 + i];
        }
        if (!inside) {
          continue;
        }
        for (int ci = 0; ci < cinG; ci++) {
          xAt[r + 1] = g * cinG + ci;
          int[] wAt = Arrays.copyOf(tap, r + 2);
          wAt[r] = ci;
          wAt[r + 1] = o[r + 1];
          sum += (double) xv[flatten(xAt, xs)] * wv[flatten(wAt, ws)];
        }
      }
      y[f] = sum;
    }
    return of(y, os);
  }

  /** Keras's conv_transpose (jax backend's definition); kernel (k..., filters, in). */
  static Tensor convTranspose(
      Tensor x, Tensor w, int[] s, String padding, int[] outputPadding, int[] d) {
    int[] xs = x.shape();
    int[] ws = w.shape();
    int r = xs.length - 2;
    int[] left = new int[r];
    int[] os = new int[r + 2];
    os[0] = xs[0];
    os[r + 1] = ws[r];
    int[] dilatedLen = new int[r];
    for (int i = 0; i < r; i++) {
      int eff = (ws[i] - 1) * d[i] + 1;
      int l;
      int rt;
      if (padding.equals("valid")) {
        int op = outputPadding == null ? Math.max(eff, s[i]) - eff : outputPadding[i];
        l = eff - 1;
        rt = eff - 1 + op;
      } else {
        int padLen = outputPadding == null ? s[i] + eff - 2 : eff + eff % 2 - 2 + outputPadding[i];
        l = Math.min(padLen / 2 + padLen % 2, eff - 1);
        rt = padLen - l;
      }
      left[i] = l;
      dilatedLen[i] = (xs[1 + i] - 1) * s[i] + 1;
      os[1 + i] = dilatedLen[i] + l + rt - eff + 1;
    }
    float[] xv = x.toFloatArray();
    float[] wv = w.toFloatArray();
    double[] y = new double[(int) Shapes.size(os)];
    int[] taps = Arrays.copyOf(ws, r);
    int cin = xs[r + 1];
    for (int f = 0; f < y.length; f++) {
      int[] o = unflatten(f, os);
      double sum = 0;
      for (int t = 0; t < Shapes.size(taps); t++) {
        int[] tap = unflatten(t, taps);
        int[] xAt = new int[r + 2];
        xAt[0] = o[0];
        int[] flipped = new int[r + 2];
        boolean inside = true;
        for (int i = 0; i < r; i++) {
          // position in the padded, dilated input
          int p = o[1 + i] + tap[i] * d[i] - left[i];
          inside &= p >= 0 && p < dilatedLen[i] && p % s[i] == 0;
          xAt[1 + i] = inside ? p / s[i] : 0;
          flipped[i] = ws[i] - 1 - tap[i];
        }
        if (!inside) {
          continue;
        }
        for (int ci = 0; ci < cin; ci++) {
          xAt[r + 1] = ci;
          flipped[r] = o[r + 1];
          flipped[r + 1] = ci;
          sum += (double) xv[flatten(xAt, xs)] * wv[flatten(flipped, ws)];
        }
      }
      y[f] = sum;
    }
    return of(y, os);
  }

  /** Depthwise: kernel (k..., in, dm) is the grouped kernel (k..., 1, in * dm), groups = in. */
  static Tensor depthwise(Tensor x, Tensor w, int[] s, String padding, int[] d) {
    int[] ws = w.shape();
    int r = ws.length - 2;
    int[] g = Arrays.copyOf(ws, r + 2);
    g[r] = 1;
    g[r + 1] = ws[r] * ws[r + 1];
    return conv(x, Tensor.of(w.toFloatArray(), g), s, padding, d);
  }

  private static Tensor of(double[] v, int[] shape) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return Tensor.of(f, shape);
  }

  static int[] unflatten(long flat, int[] shape) {
    int[] at = new int[shape.length];
    for (int i = shape.length - 1; i >= 0; i--) {
      at[i] = (int) (flat % shape[i]);
      flat /= shape[i];
    }
    return at;
  }

  static int flatten(int[] at, int[] shape) {
    int f = 0;
    for (int i = 0; i < shape.length; i++) {
      f = f * shape[i] + at[i];
    }
    return f;
  }
}

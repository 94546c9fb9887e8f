package io.keras4j.backend.jvm;

import java.util.Arrays;

/**
 * im2col and its adjoint col2im for one image and one channel group: the patch matrix has one row
 * per output position and one column per (tap, input channel of the group), the row-major order of
 * a kernel {@code (k..., in / groups, out)} seen as a {@code (taps * in / groups, out)} matrix, so
 * that a convolution is one GEMM with the kernel as it is stored.
 */
final class ConvPatches {
  private ConvPatches() {}

  /**
   * Writes the patches of one line of image {@code b}'s output, positions {@code (o0, o1, *)}, for
   * group {@code g} into {@code p} from {@code pOff} (one row per position). Lines never share
   * rows, so they are made in parallel.
   */
  static void im2colLine(
      ConvGeometry geo, float[] x, int b, int o0, int o1, int g, float[] p, int pOff) {
    int cinG = geo.cinG;
    int cin = geo.cin;
    int in1 = geo.in[1];
    int in2 = geo.in[2];
    int xImage = b * geo.inPositions * cin + g * cinG;
    // Without dilation or groups, a kernel row's taps are k2 neighbouring pixels, all channels.
    boolean contiguous = geo.dilation[2] == 1 && cinG == cin;
    int rowRun = geo.k[2] * cin;
    int row = pOff;
    for (int o2 = 0; o2 < geo.out[2]; o2++) {
      int col = row;
      for (int t0 = 0; t0 < geo.k[0]; t0++) {
        int i0 = o0 * geo.stride[0] - geo.padBefore[0] + t0 * geo.dilation[0];
        if (i0 < 0 || i0 >= geo.in[0]) {
          int n = geo.k[1] * geo.k[2] * cinG;
          Arrays.fill(p, col, col + n, 0f);
          col += n;
          continue;
        }
        for (int t1 = 0; t1 < geo.k[1]; t1++) {
          int i1 = o1 * geo.stride[1] - geo.padBefore[1] + t1 * geo.dilation[1];
          if (i1 < 0 || i1 >= in1) {
            int n = geo.k[2] * cinG;
            Arrays.fill(p, col, col + n, 0f);
            col += n;
            continue;
          }
          int xRow = xImage + (i0 * in1 + i1) * in2 * cin;
          int first = o2 * geo.stride[2] - geo.padBefore[2];
          if (contiguous && first >= 0 && first + geo.k[2] <= in2) {
            // The row's taps read k2 whole neighbouring pixels: one copy of k2 * cin floats.
            System.arraycopy(x, xRow + first * cin, p, col, rowRun);
            col += rowRun;
            continue;
          }
          for (int t2 = 0; t2 < geo.k[2]; t2++) {
            int i2 = first + t2 * geo.dilation[2];
            if (i2 < 0 || i2 >= in2) {
              Arrays.fill(p, col, col + cinG, 0f);
            } else {
              int src = xRow + i2 * cin;
              for (int c = 0; c < cinG; c++) {
                p[col + c] = x[src + c];
              }
            }
            col += cinG;
          }
        }
      }
      row += geo.patch;
    }
  }

  /** Adds image {@code b}'s patch gradients of group {@code g} (from {@code pOff}) into dx. */
  static void col2im(ConvGeometry geo, float[] p, int pOff, int b, int g, float[] dx) {
    int cinG = geo.cinG;
    int cin = geo.cin;
    int in0 = geo.in[0];
    int in1 = geo.in[1];
    int in2 = geo.in[2];
    int xImage = b * geo.inPositions * cin + g * cinG;
    int row = pOff;
    for (int o0 = 0; o0 < geo.out[0]; o0++) {
      for (int o1 = 0; o1 < geo.out[1]; o1++) {
        for (int o2 = 0; o2 < geo.out[2]; o2++) {
          int col = row;
          for (int t0 = 0; t0 < geo.k[0]; t0++) {
            int i0 = o0 * geo.stride[0] - geo.padBefore[0] + t0 * geo.dilation[0];
            if (i0 < 0 || i0 >= in0) {
              col += geo.k[1] * geo.k[2] * cinG;
              continue;
            }
            for (int t1 = 0; t1 < geo.k[1]; t1++) {
              int i1 = o1 * geo.stride[1] - geo.padBefore[1] + t1 * geo.dilation[1];
              if (i1 < 0 || i1 >= in1) {
                col += geo.k[2] * cinG;
                continue;
              }
              int xRow = xImage + (i0 * in1 + i1) * in2 * cin;
              for (int t2 = 0; t2 < geo.k[2]; t2++) {
                int i2 = o2 * geo.stride[2] - geo.padBefore[2] + t2 * geo.dilation[2];
                if (i2 >= 0 && i2 < in2) {
                  int dst = xRow + i2 * cin;
                  for (int c = 0; c < cinG; c++) {
                    dx[dst + c] += p[col + c];
                  }
                }
                col += cinG;
              }
            }
          }
          row += geo.patch;
        }
      }
    }
  }
}

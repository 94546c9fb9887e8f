package io.keras4j.backend.jvm;

import java.util.Arrays;

/**
 * The sizes of one convolution, with 1 or 2 spatial axes written as 3 (leading axes of size 1,
 * kernel 1, stride 1, no padding), so that one set of loops serves Conv1D, Conv2D and Conv3D.
 * Channels are last; the kernel is {@code (k0, k1, k2, in / groups, out)}.
 */
final class ConvGeometry {
  final int batch;
  final int[] in = new int[3];
  final int[] out = new int[3];
  final int[] k = new int[3];
  final int[] stride = new int[3];
  final int[] padBefore = new int[3];
  final int[] dilation = new int[3];
  final int cin;
  final int cout;
  final int groups;
  final int cinG;
  final int coutG;
  final int taps;

  /** Columns of a patch row: every tap of one group's input channels. */
  final int patch;

  /** Output positions of one image (rows of its patch matrix). */
  final int rows;

  /** Input positions of one image. */
  final int inPositions;

  /**
   * @param xShape {@code (batch, spatial..., cin)}
   * @param spatialOut the output's spatial sizes
   * @param kernelSpatial the kernel's spatial sizes
   * @param cout output channels
   */
  /**
   * The geometry of a convolution from the input's shape, the output's shape (whose spatial axes
   * are given, as in the backward passes) and the kernel's shape {@code (k..., cin/groups, cout)}.
   */
  static ConvGeometry ofShapes(
      int[] xShape,
      int[] yShape,
      int[] kernelShape,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      int groups) {
    int rank = xShape.length - 2;
    return new ConvGeometry(
        xShape,
        Arrays.copyOfRange(yShape, 1, rank + 1),
        Arrays.copyOf(kernelShape, rank),
        kernelShape[kernelShape.length - 1],
        strides,
        padBefore,
        dilation,
        groups);
  }

  ConvGeometry(
      int[] xShape,
      int[] spatialOut,
      int[] kernelSpatial,
      int cout,
      int[] strides,
      int[] padBefore,
      int[] dilation,
      int groups) {
    int r = xShape.length - 2;
    int lead = 3 - r;
    this.batch = xShape[0];
    for (int i = 0; i < 3; i++) {
      boolean real = i >= lead;
      in[i] = real ? xShape[1 + i - lead] : 1;
      out[i] = real ? spatialOut[i - lead] : 1;
      k[i] = real ? kernelSpatial[i - lead] : 1;
      stride[i] = real ? strides[i - lead] : 1;
      this.padBefore[i] = real ? padBefore[i - lead] : 0;
      this.dilation[i] = real ? dilation[i - lead] : 1;
    }
    this.cin = xShape[xShape.length - 1];
    this.cout = cout;
    this.groups = groups;
    this.cinG = cin / groups;
    this.coutG = cout / groups;
    this.taps = k[0] * k[1] * k[2];
    this.patch = taps * cinG;
    this.rows = out[0] * out[1] * out[2];
    this.inPositions = in[0] * in[1] * in[2];
  }

  /** The output's spatial sizes for the given padding (floor division, as every backend). */
  static int[] outputSpatial(
      int[] xShape,
      int[] kernelSpatial,
      int[] strides,
      int[] padBefore,
      int[] padAfter,
      int[] dil) {
    int r = xShape.length - 2;
    int[] o = new int[r];
    for (int i = 0; i < r; i++) {
      int eff = (kernelSpatial[i] - 1) * dil[i] + 1;
      o[i] = Math.floorDiv(xShape[1 + i] + padBefore[i] + padAfter[i] - eff, strides[i]) + 1;
    }
    return o;
  }

  /** A 1x1 convolution with unit strides and no padding: one product, no patches. */
  boolean pointwise() {
    for (int i = 0; i < 3; i++) {
      if (k[i] != 1 || stride[i] != 1 || padBefore[i] != 0 || out[i] != in[i]) {
        return false;
      }
    }
    return groups == 1;
  }

  /** The output shape {@code (batch, spatial..., channels)} for {@code rank} spatial axes. */
  int[] outShape(int rank, int channels) {
    int[] s = new int[rank + 2];
    s[0] = batch;
    for (int i = 0; i < rank; i++) {
      s[1 + i] = out[3 - rank + i];
    }
    s[rank + 1] = channels;
    return s;
  }
}

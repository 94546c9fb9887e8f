package io.keras4j.ops;

import io.keras4j.Shapes;
import io.keras4j.Tensor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.ConvKernels;
import io.keras4j.backend.FusedActivation;
import io.keras4j.internal.ShapeRefs;
import java.util.Arrays;

/**
 * The convolution ops of {@code keras.ops}: {@code conv}, {@code conv_transpose}, {@code
 * depthwise_conv} and {@code separable_conv}, on 1 to 3 spatial axes. Each validates its arguments,
 * turns Keras's padding into amounts ({@link ConvArgs}), calls {@link ConvKernels} on channels_last
 * data and records one tape entry whose backward is the kernels' gradients. channels_first data is
 * transposed to channels_last and back around the kernel (as Keras's CPU backends do), so its
 * gradient goes through the transposes' own records.
 */
final class ConvOps {
  private ConvOps() {}

  private static ConvKernels kernels() {
    return Backend.current().conv();
  }

  static Tensor conv(
      Tensor x,
      Tensor kernel,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    String op = "conv";
    int rank = spatialRank(op, x, kernel);
    boolean first = ConvArgs.channelsFirst(op, dataFormat);
    String pad = ConvArgs.padding(op, padding, rank == 1);
    int[] s = ConvArgs.tuple(op, "strides", strides, rank, false);
    int[] d = ConvArgs.tuple(op, "dilation_rate", dilationRate, rank, false);
    Tensor xl = first ? toChannelsLast(x) : x;
    int[] sx = ShapeRefs.of(xl);
    int[] sk = ShapeRefs.of(kernel);
    int cin = sx[sx.length - 1];
    int kin = sk[sk.length - 2];
    int cout = sk[sk.length - 1];
    if (kin <= 0 || cin % kin != 0 || cout % (cin / kin) != 0) {
      throw new IllegalArgumentException(
          "conv: the input's channels must be a multiple of the kernel's input channels"
              + " (kernel.shape[-2]), the groups, which must divide the kernel's output channels."
              + " Received: input channels="
              + cin
              + ", kernel.shape="
              + Shapes.toString(sk)
              + ", data_format="
              + (first ? "channels_first" : "channels_last"));
    }
    int groups = cin / kin;
    int[][] pads = ConvArgs.pads(op, spatial(sx), Arrays.copyOf(sk, rank), s, pad, d);
    Tensor y = channelsLastConv(xl, kernel, s, pads[0], pads[1], d, groups);
    return first ? toChannelsFirst(y) : y;
  }

  /**
   * The fused Conv layer op: {@code activation(conv(x, kernel) + bias)} in one backend call and one
   * tape record, as {@link LinearOps#linear} for Dense; no groups. bias may be null.
   */
  static Tensor convBiasActivation(
      Tensor x,
      Tensor kernel,
      Tensor bias,
      FusedActivation activation,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    String op = "conv";
    if (activation == null) {
      throw new IllegalArgumentException(
          "conv: activation must be one of "
              + Arrays.toString(FusedActivation.values())
              + ". Received: activation=null");
    }
    int rank = spatialRank(op, x, kernel);
    boolean first = ConvArgs.channelsFirst(op, dataFormat);
    String pad = ConvArgs.padding(op, padding, rank == 1);
    int[] s = ConvArgs.tuple(op, "strides", strides, rank, false);
    int[] d = ConvArgs.tuple(op, "dilation_rate", dilationRate, rank, false);
    Tensor xl = first ? toChannelsLast(x) : x;
    int[] sx = ShapeRefs.of(xl);
    int[] sk = ShapeRefs.of(kernel);
    if (sk[sk.length - 2] != sx[sx.length - 1]) {
      throw new IllegalArgumentException(
          "conv: with a bias, the kernel (k..., in, out) must have the input's channels (no"
              + " groups). Received: input channels="
              + sx[sx.length - 1]
              + ", kernel.shape="
              + Shapes.toString(sk));
    }
    int cout = sk[sk.length - 1];
    if (bias != null && (bias.rank() != 1 || bias.dim(0) != cout)) {
      throw new IllegalArgumentException(
          "conv: expected bias of shape ("
              + cout
              + ",) (the kernel's output channels). Received: bias.shape="
              + Shapes.toString(ShapeRefs.of(bias)));
    }
    int[][] pads = ConvArgs.pads(op, spatial(sx), Arrays.copyOf(sk, rank), s, pad, d);
    int[] before = pads[0];
    Tensor xf = xl;
    Tensor y = kernels().convBiasActivation(xf, kernel, bias, activation, s, before, pads[1], d);
    GradientTape.record(
        y,
        new Tensor[] {xf, kernel, bias},
        g ->
            kernels()
                .convBiasActivationBackward(
                    xf,
                    kernel,
                    y,
                    g,
                    activation,
                    s,
                    before,
                    d,
                    GradientTape.needsGradient(0),
                    GradientTape.needsGradient(1),
                    bias != null && GradientTape.needsGradient(2)));
    return first ? toChannelsFirst(y) : y;
  }

  /** The recorded convolution on channels_last data with explicit pads. */
  static Tensor channelsLastConv(
      Tensor x, Tensor kernel, int[] s, int[] before, int[] after, int[] d, int groups) {
    int[] xShape = x.shape();
    int[] kShape = kernel.shape();
    Tensor y = kernels().conv(x, kernel, s, before, after, d, groups);
    GradientTape.record(
        y,
        new Tensor[] {x, kernel},
        g ->
            new Tensor[] {
              GradientTape.needsGradient(0)
                  ? kernels().convBackwardInput(g, kernel, xShape, s, before, d, groups)
                  : null,
              GradientTape.needsGradient(1)
                  ? kernels().convBackwardKernel(x, g, kShape, s, before, d, groups)
                  : null
            });
    return y;
  }

  static Tensor convTranspose(
      Tensor x,
      Tensor kernel,
      int[] strides,
      String padding,
      int[] outputPadding,
      String dataFormat,
      int[] dilationRate) {
    String op = "conv_transpose";
    int rank = spatialRank(op, x, kernel);
    boolean first = ConvArgs.channelsFirst(op, dataFormat);
    String pad = ConvArgs.padding(op, padding, false);
    int[] s = ConvArgs.tuple(op, "strides", strides, rank, false);
    int[] d = ConvArgs.tuple(op, "dilation_rate", dilationRate, rank, false);
    int[] outPad =
        outputPadding == null
            ? null
            : ConvArgs.tuple(op, "output_padding", outputPadding, rank, true);
    Tensor xl = first ? toChannelsLast(x) : x;
    int[] sx = ShapeRefs.of(xl);
    int[] sk = ShapeRefs.of(kernel);
    int cin = sx[sx.length - 1];
    if (sk[sk.length - 1] != cin) {
      throw new IllegalArgumentException(
          "conv_transpose: the kernel (k..., filters, in_channels) must have the input's channels"
              + " last. Received: input channels="
              + cin
              + ", kernel.shape="
              + Shapes.toString(sk));
    }
    int[][] p = ConvArgs.transposePads(op, spatial(sx), Arrays.copyOf(sk, rank), s, pad, outPad, d);
    int[] before = p[0];
    int[] after = p[1];
    int[] outShape = new int[rank + 2];
    outShape[0] = sx[0];
    System.arraycopy(p[2], 0, outShape, 1, rank);
    outShape[rank + 1] = sk[sk.length - 2];
    int[] kShape = kernel.shape();
    Tensor xf = xl;
    Tensor y = kernels().convBackwardInput(xf, kernel, outShape, s, before, d, 1);
    GradientTape.record(
        y,
        new Tensor[] {xf, kernel},
        g ->
            new Tensor[] {
              GradientTape.needsGradient(0)
                  ? kernels().conv(g, kernel, s, before, after, d, 1)
                  : null,
              GradientTape.needsGradient(1)
                  ? kernels().convBackwardKernel(g, xf, kShape, s, before, d, 1)
                  : null
            });
    return first ? toChannelsFirst(y) : y;
  }

  static Tensor depthwiseConv(
      Tensor x,
      Tensor kernel,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    String op = "depthwise_conv";
    int rank = spatialRank(op, x, kernel);
    boolean first = ConvArgs.channelsFirst(op, dataFormat);
    String pad = ConvArgs.padding(op, padding, rank == 1);
    int[] s = ConvArgs.tuple(op, "strides", strides, rank, false);
    int[] d = ConvArgs.tuple(op, "dilation_rate", dilationRate, rank, false);
    Tensor xl = first ? toChannelsLast(x) : x;
    int[] sx = ShapeRefs.of(xl);
    int[] sk = ShapeRefs.of(kernel);
    if (sk[sk.length - 2] != sx[sx.length - 1]) {
      throw new IllegalArgumentException(
          "depthwise_conv: the kernel (k..., in_channels, depth_multiplier) must have the input's"
              + " channels. Received: input channels="
              + sx[sx.length - 1]
              + ", kernel.shape="
              + Shapes.toString(sk));
    }
    int[][] pads = ConvArgs.pads(op, spatial(sx), Arrays.copyOf(sk, rank), s, pad, d);
    int[] before = pads[0];
    int[] xShape = xl.shape();
    int[] kShape = kernel.shape();
    Tensor xf = xl;
    Tensor y = kernels().depthwiseConv(xf, kernel, s, before, pads[1], d);
    GradientTape.record(
        y,
        new Tensor[] {xf, kernel},
        g ->
            new Tensor[] {
              GradientTape.needsGradient(0)
                  ? kernels().depthwiseConvBackwardInput(g, kernel, xShape, s, before, d)
                  : null,
              GradientTape.needsGradient(1)
                  ? kernels().depthwiseConvBackwardKernel(xf, g, kShape, s, before, d)
                  : null
            });
    return first ? toChannelsFirst(y) : y;
  }

  static Tensor separableConv(
      Tensor x,
      Tensor depthwiseKernel,
      Tensor pointwiseKernel,
      int[] strides,
      String padding,
      String dataFormat,
      int[] dilationRate) {
    int rank = spatialRank("separable_conv", x, depthwiseKernel);
    int[] sp = ShapeRefs.of(pointwiseKernel);
    int[] sd = ShapeRefs.of(depthwiseKernel);
    int mid = sd[sd.length - 2] * sd[sd.length - 1];
    boolean ones = sp.length == rank + 2;
    for (int i = 0; ones && i < rank; i++) {
      ones = sp[i] == 1;
    }
    if (!ones || sp[rank] != mid) {
      throw new IllegalArgumentException(
          "separable_conv: the pointwise kernel must have shape (1, ..., 1, in_channels *"
              + " depth_multiplier, filters) = (1, ..., "
              + mid
              + ", filters). Received: pointwise_kernel.shape="
              + Shapes.toString(sp)
              + ", depthwise_kernel.shape="
              + Shapes.toString(sd));
    }
    Tensor y = depthwiseConv(x, depthwiseKernel, strides, padding, dataFormat, dilationRate);
    return conv(y, pointwiseKernel, new int[] {1}, "valid", dataFormat, new int[] {1});
  }

  /** The number of spatial axes (1 to 3), checking that x and the kernel agree. */
  private static int spatialRank(String op, Tensor x, Tensor kernel) {
    int rx = x.rank();
    int rk = kernel.rank();
    if (rk < 3 || rk > 5 || rx != rk) {
      throw new IllegalArgumentException(
          op
              + ": expected an input of rank 3 to 5 (batch, 1 to 3 spatial axes, channels) and a"
              + " kernel of the same rank. Received: inputs.shape="
              + Shapes.toString(ShapeRefs.of(x))
              + ", kernel.shape="
              + Shapes.toString(ShapeRefs.of(kernel)));
    }
    return rk - 2;
  }

  private static int[] spatial(int[] channelsLastShape) {
    return Arrays.copyOfRange(channelsLastShape, 1, channelsLastShape.length - 1);
  }

  /** (batch, channels, spatial...) to (batch, spatial..., channels). */
  static Tensor toChannelsLast(Tensor x) {
    int r = x.rank();
    int[] perm = new int[r];
    for (int i = 1; i < r - 1; i++) {
      perm[i] = i + 1;
    }
    perm[r - 1] = 1;
    return ShapeOps.transpose(x, perm);
  }

  /** (batch, spatial..., channels) to (batch, channels, spatial...). */
  static Tensor toChannelsFirst(Tensor x) {
    int r = x.rank();
    int[] perm = new int[r];
    perm[1] = r - 1;
    for (int i = 2; i < r; i++) {
      perm[i] = i - 1;
    }
    return ShapeOps.transpose(x, perm);
  }
}
